package io.feedgram.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The bundled ffmpeg turns real videos Instagram would refuse into MP4s it takes, as VideoInspector reads them. */
class VideoTranscoderTest {

    @TempDir
    Path dir;

    private final VideoTranscoder transcoder = new VideoTranscoder(Duration.ofMinutes(1), 1, VideoTranscoder::bundled);
    private final VideoInspector inspector = new VideoInspector();

    @Test
    void aVp9WebMBecomesAnH264Mp4WithAacAndItsMoovFirst() throws IOException {
        Path webm = RealClips.vp9WebM(dir, 640, 360, 30, 4);
        assertThat(inspector.inspect(webm).container()).isEqualTo(VideoContainer.WEBM);

        long start = System.nanoTime();
        VideoFacts made = transcoder.transcode(webm, dir.resolve("out.part"));
        System.out.printf("VP9 WebM 640x360 30 fps 4 s transcoded in %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(made.container()).isEqualTo(VideoContainer.MP4);
        assertThat(made.videoCodec()).isEqualTo("avc1");
        assertThat(made.audioCodec()).isEqualTo("mp4a");
        assertThat(made.fps()).isEqualTo(30.0);
        assertThat(made.width()).isEqualTo(640);
        assertThat(made.height()).isEqualTo(360);
        assertThat(made.seconds()).isBetween(3.9, 4.2);
        assertThat(topLevelBoxes(dir.resolve("out.part"))).containsSubsequence("ftyp", "moov", "mdat");
    }

    @Test
    void a120FpsClipRunsAt30AndA2560PxOneIsScaledTo1920() throws IOException {
        Path fast = RealClips.h264Mp4(dir, 640, 360, 120, 4);
        assertThat(inspector.inspect(fast).fps()).isEqualTo(120.0);
        Path wide = RealClips.h264Mp4(dir, 2560, 1440, 30, 1);

        long start = System.nanoTime();
        VideoFacts slowed = transcoder.transcode(fast, dir.resolve("fast.part"));
        System.out.printf("H.264 640x360 120 fps 4 s transcoded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        VideoFacts narrowed = transcoder.transcode(wide, dir.resolve("wide.part"));

        assertThat(slowed.videoCodec()).isEqualTo("avc1");
        assertThat(slowed.fps()).isEqualTo(30.0);
        assertThat(slowed.seconds()).isBetween(3.9, 4.2);
        assertThat(topLevelBoxes(dir.resolve("fast.part"))).containsSubsequence("moov", "mdat");
        assertThat(narrowed.width()).isEqualTo(1920);
        assertThat(narrowed.height()).isEqualTo(1080);
        assertThat(narrowed.fps()).isEqualTo(30.0);
    }

    @Test
    void aFileFfmpegCannotReadFailsWithFfmpegsLastWords() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.webm"), "not a video at all");

        assertThatThrownBy(() -> transcoder.transcode(junk, dir.resolve("junk.part")))
                .isInstanceOf(MediaProblem.class)
                .hasMessageStartingWith("the video could not be transcoded: ")
                .hasMessageContaining("Invalid data found when processing input");
    }

    @Test
    void aTranscodeOverItsTimeLimitIsKilled() {
        Path webm = RealClips.vp9WebM(dir, 320, 180, 30, 3);
        VideoTranscoder hurried = new VideoTranscoder(Duration.ofMillis(1), 1, VideoTranscoder::bundled);

        assertThatThrownBy(() -> hurried.transcode(webm, dir.resolve("late.part")))
                .isInstanceOf(MediaProblem.class)
                .hasMessageContaining("took longer than 0.001s and was stopped");
    }

    @Test
    void aHostWithoutTheLibrariesFfmpegNeedsSaysSo() {
        VideoTranscoder missing = new VideoTranscoder(Duration.ofMinutes(1), 1, () -> {
            throw new UnsatisfiedLinkError("libjniavdevice.so: libpulse.so.0: cannot open shared object file");
        });

        assertThat(missing.unavailable()).isEqualTo("the bundled ffmpeg cannot run on this host "
                + "(libjniavdevice.so: libpulse.so.0: cannot open shared object file)");
        assertThatThrownBy(() -> missing.transcode(dir.resolve("any.webm"), dir.resolve("any.part")))
                .isInstanceOf(MediaProblem.class).hasMessageContaining("libpulse.so.0");
        assertThat(transcoder.unavailable()).as("here").isNull();
    }

    @Test
    void aCopyIsReusedAfterARestartOnlyIfItIsAWholeMp4() throws IOException {
        MediaStore store = new MediaStore(new MediaProperties(RatioFit.PAD, "#FFFFFF", true, dir.resolve("store"),
                Duration.ofHours(48), DataSize.ofMegabytes(64), DataSize.ofMegabytes(300), Duration.ofSeconds(120),
                Duration.ofMinutes(1), 1));
        Path partial = store.scratch();
        transcoder.transcode(RealClips.vp9WebM(dir, 320, 180, 30, 3), partial);
        String whole = store.newName("mp4");
        store.place(partial, whole);
        assertThat(store.isWholeMp4(whole)).isTrue();

        String cut = store.newName("mp4");
        Path copy = dir.resolve("store").resolve(cut);
        Files.copy(dir.resolve("store").resolve(whole), copy);
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 100);
        }
        assertThat(store.isWholeMp4(cut)).isFalse();
        assertThat(store.isWholeMp4(store.newName("mp4"))).as("a copy never written").isFalse();
    }

    /** The types of the file's top-level boxes, in order. */
    private static List<String> topLevelBoxes(Path mp4) throws IOException {
        List<String> types = new ArrayList<>();
        try (FileChannel in = FileChannel.open(mp4)) {
            long at = 0;
            while (at < in.size()) {
                ByteBuffer header = ByteBuffer.allocate(16);
                in.read(header, at);
                long size = Integer.toUnsignedLong(header.getInt(0));
                size = size == 1 ? header.getLong(8) : size == 0 ? in.size() - at : size;
                types.add(new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1));
                at += size;
            }
        }
        return types;
    }
}
