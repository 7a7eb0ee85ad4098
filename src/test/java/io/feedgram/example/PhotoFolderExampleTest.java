package io.feedgram.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Issue 14: routes/examples/photo-folder.camel.yaml, loaded from the file system, publishing to the sandbox. */
class PhotoFolderExampleTest extends ExampleTestSupport {

    @Test
    void aPhotoWithItsCaptionBecomesAnImagePostAndMovesToDone() {
        Path photo = PHOTOS.resolve("beach.jpg");
        Path caption = PHOTOS.resolve("beach.txt");
        photo(photo, Color.ORANGE);
        text(caption, "At the beach " + marker + "\n");
        settled(photo, caption);

        JsonNode published = awaitPublished(marker, 1).get(0);

        assertThat(published.path("mediaType").asText()).isEqualTo("IMAGE");
        assertThat(published.path("params").path("caption").asText()).isEqualTo("At the beach " + marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(PHOTOS.resolve("done/beach.jpg")));
        assertThat(PHOTOS.resolve("done/beach.txt")).exists();
        assertThat(photo).doesNotExist();
    }

    @Test
    void numberedFilesWithACommonPrefixBecomeOneCarouselInNumberOrder() {
        List<Path> files = List.of(PHOTOS.resolve("trip-2.jpg"), PHOTOS.resolve("trip-10.jpg"), PHOTOS.resolve("trip-1.jpg"));
        photo(files.get(0), Color.GREEN);
        photo(files.get(1), Color.BLUE);
        photo(files.get(2), Color.RED);
        Path caption = PHOTOS.resolve("trip.txt");
        text(caption, "Road trip " + marker);
        settled(files.get(0), files.get(1), files.get(2), caption);

        List<JsonNode> published = awaitPublished(marker, 1);

        assertThat(published).singleElement().satisfies(album -> {
            assertThat(album.path("mediaType").asText()).isEqualTo("CAROUSEL_ALBUM");
            assertThat(album.path("children")).hasSize(3);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(PHOTOS.resolve("done/trip.txt")));
        assertThat(PHOTOS.resolve("done")).isDirectoryContaining(p -> p.getFileName().toString().equals("trip-10.jpg"));
    }

    @Test
    void theSameFilesHandedAgainAfterACrashMakeNoSecondPost() throws Exception {
        Path photo = PHOTOS.resolve("again.jpg");
        Path caption = PHOTOS.resolve("again.txt");
        photo(photo, Color.MAGENTA);
        text(caption, "Only once " + marker);
        settled(photo, caption);
        awaitPublished(marker, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.notExists(photo) && Files.notExists(caption));

        // A crash after the post was queued and before the files were moved leaves them where they were.
        Files.copy(PHOTOS.resolve("done/again.jpg"), photo, StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(PHOTOS.resolve("done/again.txt"), caption, StandardCopyOption.COPY_ATTRIBUTES);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.notExists(photo) && Files.notExists(caption));

        assertThat(posts.page(null, "shop", null, null, 100)).filteredOn(post -> ("Only once " + marker).equals(post.caption()))
                .hasSize(1);
        assertThat(sandbox.published(SHOP, marker)).hasSize(1);
        assertThat(PHOTOS.resolve("failed/again.reason.txt")).doesNotExist();
    }

    @Test
    void aRefusedSetMovesToFailedWithTheApisReason() {
        Path photo = PHOTOS.resolve("tags.jpg");
        Path caption = PHOTOS.resolve("tags.txt");
        photo(photo, Color.PINK);
        text(caption, marker + " " + "#tag ".repeat(31));
        settled(photo, caption);

        Path reason = PHOTOS.resolve("failed/tags.reason.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(reason));

        assertThat(reason).content().contains("caption: has 31 hashtags, more than 30");
        assertThat(PHOTOS.resolve("failed/tags.jpg")).exists();
        assertThat(PHOTOS.resolve("failed/tags.txt")).exists();
        assertThat(sandbox.published(SHOP, marker)).isEmpty();
    }
}
