package io.feedgram.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a watched folder make which post, and where they go afterwards; no Camel. */
class PhotoFolderTest {

    @TempDir
    Path dir;

    final PhotoFolder folder = new PhotoFolder(Clock.systemUTC());

    @Test
    void groupsNumberedFilesByPrefixInNumberOrderWithTheirCaption() throws IOException {
        settled("trip-10.jpg", "trip-2.png", "trip-1.jpg", "beach.jpg", "beach.txt", "notes.md", "alone.txt");
        settledText("trip.txt", "  Road trip\n");

        List<PhotoSet> sets = folder.ready(dir.toString());

        assertThat(sets).extracting(PhotoSet::name).containsExactly("beach", "trip");
        PhotoSet trip = sets.get(1);
        assertThat(trip.media()).extracting(p -> p.getFileName().toString())
                .containsExactly("trip-1.jpg", "trip-2.png", "trip-10.jpg");
        assertThat(trip.caption()).isEqualTo("Road trip");
        assertThat(sets.get(0).caption()).isNull();   // an empty caption file is no caption
        assertThat(sets.get(0).files()).hasSize(2);
    }

    @Test
    void aSingleNumberedFileIsCaptionedByItsOwnName() throws IOException {
        settled("photo-2024.jpg");
        settledText("photo-2024.txt", "New year");

        assertThat(folder.ready(dir.toString())).singleElement()
                .satisfies(set -> assertThat(set.caption()).isEqualTo("New year"));
    }

    @Test
    void aSetWithAFileStillBeingCopiedWaits() throws IOException {
        settled("trip-1.jpg");
        Files.write(dir.resolve("trip-2.jpg"), new byte[] {1});

        assertThat(folder.ready(dir.toString())).isEmpty();
    }

    @Test
    void aCaptionThatIsNotUtf8IsReadRatherThanStoppingTheFolder() throws IOException {
        settled("cafe.jpg");
        Files.write(dir.resolve("cafe.txt"), "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.setLastModifiedTime(dir.resolve("cafe.txt"), FileTime.from(Instant.now().minusSeconds(60)));

        assertThat(folder.ready(dir.toString())).singleElement()
                .satisfies(set -> assertThat(set.caption()).isEqualTo("Caf\uFFFD"));
    }

    @Test
    void doneAndFailedMoveEveryFileAndFailedSaysWhy() throws IOException {
        settled("a.jpg", "a.txt", "b-1.jpg", "b-2.jpg");
        List<PhotoSet> sets = folder.ready(dir.toString());

        folder.done(sets.get(0));
        folder.failed(sets.get(1), "Feedgram refused the post: media[1]: too small");

        assertThat(dir.resolve("done")).isDirectoryContaining(p -> p.endsWith("a.jpg"))
                .isDirectoryContaining(p -> p.endsWith("a.txt"));
        assertThat(dir.resolve("failed/b.reason.txt")).content().contains("media[1]: too small");
        assertThat(dir.resolve("failed/b-2.jpg")).exists();
        assertThat(folder.ready(dir.toString())).isEmpty();
    }

    @Test
    void theKeyStaysForTheSameFilesAndChangesWithANewFileUnderTheSameName() throws IOException {
        settled("cat.jpg", "cat.txt");
        String first = folder.ready(dir.toString()).get(0).key();

        assertThat(folder.ready(dir.toString()).get(0).key()).isEqualTo(first).startsWith("photo-folder:cat:");
        Files.write(dir.resolve("cat.jpg"), new byte[] {1, 2});
        Files.setLastModifiedTime(dir.resolve("cat.jpg"), FileTime.from(Instant.now().minusSeconds(30)));
        assertThat(folder.ready(dir.toString()).get(0).key()).isNotEqualTo(first);
    }

    @Test
    void aMissingFolderHasNothingReady() {
        assertThat(folder.ready(dir.resolve("nowhere").toString())).isEmpty();
    }

    /** A file with {@code content}, copied in a while ago. */
    private void settledText(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private void settled(String... names) throws IOException {
        for (String name : names) {
            Path file = dir.resolve(name);
            Files.write(file, new byte[0]);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        }
    }
}
