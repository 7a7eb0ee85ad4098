package io.feedgram.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaDeciderTest {

    private static final String URL = "https://cdn.example/a.jpg";

    private final ImageInspector images = new ImageInspector();
    private final VideoInspector videos = new VideoInspector();
    private final MediaDecider decider = new MediaDecider(MediaSettings.DEFAULTS);

    @TempDir
    Path dir;

    @Test
    void compliantJpegPassesThroughByItsUrl() throws IOException {
        MediaDecision decision = decider.decide(image(MediaCorpus.jpeg(1080, 1080)), MediaTarget.FEED_IMAGE);

        assertThat(decision).isEqualTo(new MediaDecision.PassThrough(URL));
    }

    @Test
    void portraitsAndPanoramasAreFittedToTheNearestAllowedRatio() throws IOException {
        assertThat(normalise(MediaCorpus.jpeg(900, 1200), MediaTarget.FEED_IMAGE).ratio().words()).isEqualTo("4:5");
        assertThat(normalise(MediaCorpus.jpeg(800, 1200), MediaTarget.FEED_IMAGE).ratio().words()).isEqualTo("4:5");
        MediaDecision.Normalise panorama = normalise(MediaCorpus.jpeg(1800, 600), MediaTarget.FEED_IMAGE);
        assertThat(panorama.steps()).containsExactly(NormaliseStep.FIT_RATIO);
        assertThat(panorama.ratio().words()).isEqualTo("1.91:1");
    }

    @Test
    void pngWebpGifCmykAndExifAreNormalised() throws IOException {
        assertThat(normalise(MediaCorpus.pngWithAlpha(1200, 900), MediaTarget.FEED_IMAGE).steps())
                .containsExactly(NormaliseStep.CONVERT_TO_JPEG, NormaliseStep.FLATTEN_ALPHA);
        assertThat(normalise(MediaCorpus.webp(), MediaTarget.FEED_IMAGE).steps())
                .containsExactly(NormaliseStep.CONVERT_TO_JPEG);
        assertThat(normalise(MediaCorpus.animatedGif(500, 500, 3), MediaTarget.FEED_IMAGE).steps())
                .contains(NormaliseStep.CONVERT_TO_JPEG, NormaliseStep.FIRST_FRAME);
        assertThat(normalise(MediaCorpus.cmykJpeg(800, 600), MediaTarget.FEED_IMAGE).steps())
                .containsExactly(NormaliseStep.CONVERT_TO_SRGB);
        assertThat(normalise(MediaCorpus.jpegWithOrientation6(1200, 900), MediaTarget.FEED_IMAGE).steps())
                .containsExactly(NormaliseStep.APPLY_ORIENTATION, NormaliseStep.FIT_RATIO);
    }

    @Test
    void oversizedOriginalIsRecompressed() throws IOException {
        byte[] original = MediaCorpus.noisyJpeg(7000, 5000);

        assertThat(original.length).isGreaterThan(8 * 1024 * 1024);
        assertThat(normalise(original, MediaTarget.FEED_IMAGE).steps()).containsExactly(NormaliseStep.RECOMPRESS);
    }

    @Test
    void storyImagesGoOnTheNineBySixteenCanvas() throws IOException {
        assertThat(normalise(MediaCorpus.jpeg(1080, 1080), MediaTarget.STORY_IMAGE).ratio().words()).isEqualTo("9:16");
        assertThat(decider.decide(image(MediaCorpus.jpeg(1080, 1920)), MediaTarget.STORY_IMAGE))
                .isInstanceOf(MediaDecision.PassThrough.class);
    }

    @Test
    void unreadableFileIsRefused() throws IOException {
        MediaDecision decision = decider.decide(image("<html>".getBytes()), MediaTarget.FEED_IMAGE);

        assertThat(decision).isEqualTo(new MediaDecision.Refuse(
                "the file is not an image Feedgram can read (JPEG, PNG, WebP, GIF or BMP)"));
    }

    @Test
    void compliantReelPassesThrough() throws IOException {
        InspectedMedia reel = video(VideoCorpus.isoFile(dir, "isom", "avc1", "mp4a", 30, 30, 1080, 1920));

        assertThat(decider.decide(reel, MediaTarget.REEL_VIDEO)).isEqualTo(new MediaDecision.PassThrough(URL));
    }

    @Test
    void twoSecondClipIsRefusedWithItsLength() throws IOException {
        InspectedMedia clip = video(VideoCorpus.isoFile(dir, "isom", "avc1", "mp4a", 2, 30, 1080, 1920));

        assertThat(decider.decide(clip, MediaTarget.REEL_VIDEO))
                .isEqualTo(new MediaDecision.Refuse("video is 2.0 s long; reels need at least 3 s"));
    }

    @Test
    void ninetySecondsMakeAReelButNoStory() throws IOException {
        InspectedMedia minute = video(VideoCorpus.isoFile(dir, "isom", "avc1", "mp4a", 90, 30, 1080, 1920));

        assertThat(decider.decide(minute, MediaTarget.REEL_VIDEO)).isInstanceOf(MediaDecision.PassThrough.class);
        assertThat(decider.decide(minute, MediaTarget.STORY_VIDEO))
                .isEqualTo(new MediaDecision.Refuse("video is 90.0 s long; story videos allow at most 60 s"));
    }

    @Test
    void webmNeedsTranscoding() throws IOException {
        InspectedMedia webm = video(VideoCorpus.webm(dir));

        assertThat(decider.decide(webm, MediaTarget.REEL_VIDEO)).isEqualTo(new MediaDecision.Refuse(
                "WebM (VP9) video cannot be published without transcoding; turn on feedgram.media.transcode"));
        assertThat(new MediaDecider(new MediaSettings(RatioFit.PAD, 0xFFFFFF, true)).decide(webm, MediaTarget.REEL_VIDEO))
                .isEqualTo(new MediaDecision.Normalise(URL, MediaTarget.REEL_VIDEO, List.of(NormaliseStep.TRANSCODE), null));
    }

    @Test
    void aRatioOrSizeTheTranscoderCannotFixIsRefusedEvenWithTranscodingOn() throws IOException {
        InspectedMedia strip = video(VideoCorpus.isoFile(dir, "isom", "vp09", "mp4a", 10, 30, 1920, 40));

        assertThat(new MediaDecider(new MediaSettings(RatioFit.PAD, 0xFFFFFF, true)).decide(strip, MediaTarget.REEL_VIDEO))
                .isInstanceOf(MediaDecision.Refuse.class)
                .extracting(d -> ((MediaDecision.Refuse) d).reason()).asString()
                .contains("VP9 video cannot be published without transcoding").contains("reels need between")
                .doesNotContain("turn on feedgram.media.transcode");
    }

    @Test
    void wrongCodecAndFrameRateAreNamed() throws IOException {
        InspectedMedia vp9 = video(VideoCorpus.isoFile(dir, "isom", "vp09", "Opus", 10, 120, 1080, 1920));

        assertThat(((MediaDecision.Refuse) decider.decide(vp9, MediaTarget.REEL_VIDEO)).reason()).isEqualTo(
                "VP9 video cannot be published without transcoding; reels need H.264 or HEVC; "
                        + "Opus audio cannot be published without transcoding; reels need AAC; "
                        + "video runs at 120 fps; reels need 23–60 fps; turn on feedgram.media.transcode");
    }

    @Test
    void imageForAReelIsRefused() throws IOException {
        assertThat(decider.decide(image(MediaCorpus.jpeg(1080, 1920)), MediaTarget.REEL_VIDEO))
                .isEqualTo(new MediaDecision.Refuse("the file is an image; reels need an MP4 or MOV video"));
    }

    @Test
    void carouselImagesTakeTheFirstImagesRatioAndEveryBadChildIsNamed() throws IOException {
        CarouselDecision carousel = decider.decideCarousel(List.of(
                image(MediaCorpus.jpeg(1080, 1350)),
                image(MediaCorpus.jpeg(1080, 1080)),
                video(VideoCorpus.webm(dir)),
                image(MediaCorpus.jpeg(1080, 1350)),
                image("<html>".getBytes())));

        assertThat(carousel.commonRatio().words()).isEqualTo("4:5");
        assertThat(carousel.children().get(0)).isInstanceOf(MediaDecision.PassThrough.class);
        assertThat(((MediaDecision.Normalise) carousel.children().get(1)).steps()).containsExactly(NormaliseStep.FIT_RATIO);
        assertThat(carousel.children().get(3)).isInstanceOf(MediaDecision.PassThrough.class);
        assertThat(carousel.refused()).isTrue();
        assertThat(carousel.reason()).isEqualTo(
                "item 3: WebM (VP9) video cannot be published without transcoding; turn on feedgram.media.transcode; "
                        + "item 5: the file is not an image Feedgram can read (JPEG, PNG, WebP, GIF or BMP)");
    }

    @Test
    void carouselOfAPanoramaFirstIsClampedTo191() throws IOException {
        CarouselDecision carousel = decider.decideCarousel(List.of(
                image(MediaCorpus.jpeg(1800, 600)), image(MediaCorpus.jpeg(1080, 1080))));

        assertThat(carousel.commonRatio().words()).isEqualTo("1.91:1");
        assertThat(carousel.refused()).isFalse();
        assertThat(carousel.reason()).isNull();
    }

    @Test
    void carouselOfOneIsRefused() throws IOException {
        CarouselDecision carousel = decider.decideCarousel(List.of(image(MediaCorpus.jpeg(1080, 1080))));

        assertThat(carousel.reason()).isEqualTo("a carousel has 1 items; it needs 2 to 10");
    }

    private MediaDecision.Normalise normalise(byte[] image, MediaTarget target) throws IOException {
        return (MediaDecision.Normalise) decider.decide(image(image), target);
    }

    private InspectedMedia image(byte[] bytes) throws IOException {
        return new InspectedMedia(URL, images.inspect(bytes));
    }

    private InspectedMedia video(Path file) throws IOException {
        return new InspectedMedia(URL, videos.inspect(file));
    }
}
