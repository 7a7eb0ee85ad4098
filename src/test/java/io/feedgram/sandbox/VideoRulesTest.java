package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sandbox's box reader and the rule each broken video breaks, without HTTP. */
class VideoRulesTest {

    private static final Duration CAROUSEL_MAX = Duration.ofMinutes(15);

    @Test
    void theReaderFindsBrandsDurationTracksCodecsSizeAndFrameRate() {
        VideoFile file = IsoBoxReader.read(TestVideo.COMPLIANT.bytes()).orElseThrow();
        assertThat(file.brands()).containsExactly("isom", "isom");
        assertThat(file.duration()).isEqualTo(5.0);
        assertThat(file.video()).contains(new VideoFile.Track("vide", "avc1", 1080, 1920, 30.0));
        assertThat(file.audio()).map(VideoFile.Track::codec).contains("mp4a");
    }

    @Test
    void aHeadWithoutFtypThenMoovIsNotReadable() {
        assertThat(IsoBoxReader.read(with("moov-first=false").bytes())).as("mdat first").isEmpty();
        assertThat(IsoBoxReader.read(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0})).as("WebM").isEmpty();
        byte[] truncated = Arrays.copyOf(TestVideo.COMPLIANT.bytes(), 200);
        assertThat(IsoBoxReader.read(truncated)).as("moov cut short").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "brand=heic, 'brands [heic, heic] are neither MP4 nor MOV'",
            "codec=vp09, video codec vp09 is neither H.264 nor HEVC",
            "audio=Opus, audio codec Opus is not AAC",
            "fps=61,     frame rate 61.0 is outside 23-60 fps",
            "width=2160, width 2160 px is over 1920 px",
            "seconds=2,  duration 2.0 s is outside 3-900 s",
    })
    void eachBrokenRuleIsNamed(String change, String reason) {
        assertThat(VideoRules.broken(IsoBoxReader.read(with(change).bytes()), ContainerKind.REELS, CAROUSEL_MAX)).contains(reason);
    }

    @Test
    void theLongestDurationDependsOnTheKind() {
        VideoFile minute = IsoBoxReader.read(with("seconds=61").bytes()).orElseThrow();
        assertThat(VideoRules.broken(Optional.of(minute), ContainerKind.REELS, CAROUSEL_MAX)).isEmpty();
        assertThat(VideoRules.broken(Optional.of(minute), ContainerKind.STORIES, CAROUSEL_MAX)).contains("duration 61.0 s is outside 3-60 s");
        assertThat(VideoRules.broken(Optional.of(minute), ContainerKind.CAROUSEL_VIDEO, Duration.ofSeconds(60)))
                .as("the carousel limit is a setting").isPresent();
        assertThat(VideoRules.broken(Optional.empty(), ContainerKind.REELS, CAROUSEL_MAX))
                .contains("not an MP4 or MOV file with its moov box before the media data");
    }

    private static TestVideo with(String change) {
        String[] nameAndValue = change.split("=", 2);
        return TestVideo.of(Map.of(nameAndValue[0], nameAndValue[1]));
    }
}
