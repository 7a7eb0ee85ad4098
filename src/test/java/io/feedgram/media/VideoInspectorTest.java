package io.feedgram.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoInspectorTest {

    private final VideoInspector inspector = new VideoInspector();

    @TempDir
    Path dir;

    @Test
    void mp4WithH264AndAac() throws IOException {
        Path mp4 = VideoCorpus.isoFile(dir, "isom", "avc1", "mp4a", 12.5, 30, 1080, 1920);

        VideoFacts facts = inspector.inspect(mp4);

        assertThat(facts).isEqualTo(new VideoFacts(VideoContainer.MP4, "avc1", "mp4a", 12.5, facts.fps(), 1080, 1920,
                Files.size(mp4)));
        assertThat(facts.fps()).isCloseTo(30, within(0.5));
    }

    @Test
    void movWithHevc() throws IOException {
        VideoFacts facts = inspector.inspect(VideoCorpus.isoFile(dir, "qt  ", "hvc1", "mp4a", 5, 25, 1920, 1080));

        assertThat(facts.container()).isEqualTo(VideoContainer.MOV);
        assertThat(facts.videoCodec()).isEqualTo("hvc1");
        assertThat(facts.fps()).isCloseTo(25, within(0.5));
    }

    @Test
    void frameRateIsCountedOverTheSampleTablesTimeAsPlayersAndTheSandboxCountIt() throws IOException {
        // 600 frames of 16 ticks at 1000 ticks a second (60 fps rounded down) in a track of 10 000 ticks:
        // the frames are 16 ms apart, 62.5 a second, whatever the track's duration says.
        VideoFacts facts = inspector.inspect(VideoCorpus.isoFile(dir, "isom", "avc1", "mp4a", 10, 60, 1920, 1080, 1000));

        assertThat(facts.seconds()).isEqualTo(10.0);
        assertThat(facts.fps()).isCloseTo(62.5, within(0.01));
    }

    @Test
    void twoSecondClip() throws IOException {
        VideoFacts facts = inspector.inspect(VideoCorpus.isoFile(dir, "mp42", "avc1", null, 2, 30, 720, 1280));

        assertThat(facts.seconds()).isEqualTo(2.0);
        assertThat(facts.audioCodec()).isNull();
    }

    @Test
    void webmIsKnownByItsEbmlMagic() throws IOException {
        VideoFacts facts = inspector.inspect(VideoCorpus.webm(dir));

        assertThat(facts.container()).isEqualTo(VideoContainer.WEBM);
        assertThat(facts.videoCodec()).isEqualTo("vp09");
        assertThat(facts.audioCodec()).isEqualTo("opus");
    }

    @Test
    void anythingElseIsUnknown() throws IOException {
        Path html = Files.writeString(dir.resolve("video.mp4"), "<!doctype html><title>Sign in</title>");

        assertThat(inspector.inspect(html).container()).isEqualTo(VideoContainer.UNKNOWN);
    }
}
