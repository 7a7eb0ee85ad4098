package io.feedgram.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageNormaliserTest {

    private static final String URL = "https://cdn.example/a";
    /** JPEG moves a flat colour by a few levels per channel. */
    private static final int JPEG_TOLERANCE = 12;

    private final ImageInspector inspector = new ImageInspector();
    private final MediaDecider decider = new MediaDecider(MediaSettings.DEFAULTS);
    private final ImageNormaliser normaliser = new ImageNormaliser(MediaSettings.DEFAULTS);

    @Test
    void pngWithAlphaIsFlattenedOnWhite() throws IOException {
        NormalisedImage out = normalised(MediaCorpus.pngWithAlpha(1200, 900), MediaTarget.FEED_IMAGE);

        assertThat(out.description()).isEqualTo("PNG 1200×900 → JPEG 1200×900, flattened on #FFFFFF");
        assertThat(MediaCorpus.close(pixel(out.jpeg(), 5, 5), 0xFFFFFF, 4)).isTrue();
    }

    @Test
    void pngInACarouselOfPortraitsIsPadded() throws IOException {
        MediaDecision.Normalise plan = new MediaDecision.Normalise(URL, MediaTarget.CAROUSEL_CHILD,
                List.of(NormaliseStep.CONVERT_TO_JPEG, NormaliseStep.FIT_RATIO), new Ratio(0.8));

        NormalisedImage out = normaliser.normalise(MediaCorpus.png(MediaCorpus.picture(1200, 900,
                BufferedImage.TYPE_INT_RGB)), plan);

        assertThat(out.description()).isEqualTo("PNG 1200×900 → JPEG 1200×1500, padded 4:3 → 4:5");
    }

    @Test
    void webpBecomesJpeg() throws IOException {
        byte[] webp = MediaCorpus.webp();

        NormalisedImage out = normalised(webp, MediaTarget.FEED_IMAGE);

        assertThat(out.description()).isEqualTo("WebP 400×300 → JPEG 400×300");
        assertThat(MediaCorpus.close(MediaCorpus.centre(out.jpeg()), MediaCorpus.centre(webp), JPEG_TOLERANCE)).isTrue();
    }

    @Test
    void portraitsAndPanoramaAreFittedWithoutLosingTheirCentre() throws IOException {
        assertThat(normalised(MediaCorpus.jpeg(900, 1200), MediaTarget.FEED_IMAGE).description())
                .isEqualTo("JPEG 900×1200 → JPEG 960×1200, padded 3:4 → 4:5");
        assertThat(normalised(MediaCorpus.jpeg(800, 1200), MediaTarget.FEED_IMAGE).description())
                .isEqualTo("JPEG 800×1200 → JPEG 960×1200, padded 2:3 → 4:5");
        assertThat(normalised(MediaCorpus.jpeg(1800, 600), MediaTarget.FEED_IMAGE).description())
                .isEqualTo("JPEG 1800×600 → JPEG 1440×754, padded 3:1 → 1.91:1");
    }

    @Test
    void cropAndBlurAreTheOtherFits() throws IOException {
        byte[] panorama = MediaCorpus.jpeg(1800, 600);
        MediaDecision.Normalise plan = (MediaDecision.Normalise) decider.decide(
                new InspectedMedia(URL, inspector.inspect(panorama)), MediaTarget.FEED_IMAGE);

        NormalisedImage cropped = new ImageNormaliser(new MediaSettings(RatioFit.CROP, 0xFFFFFF, false))
                .normalise(panorama, plan);
        NormalisedImage blurred = new ImageNormaliser(new MediaSettings(RatioFit.BLUR, 0xFFFFFF, false))
                .normalise(panorama, plan);

        assertThat(cropped.description()).isEqualTo("JPEG 1800×600 → JPEG 1146×600, cropped 3:1 → 1.91:1");
        assertWithinRules(cropped, MediaTarget.FEED_IMAGE, panorama);
        assertThat(blurred.description()).isEqualTo("JPEG 1800×600 → JPEG 1440×754, padded with a blurred copy 3:1 → 1.91:1");
        assertWithinRules(blurred, MediaTarget.FEED_IMAGE, panorama);
        // The bands are the picture's own colours, blurred, not the background colour.
        assertThat(MediaCorpus.close(pixel(blurred.jpeg(), 720, 3), 0xFFFFFF, 40)).isFalse();
    }

    @Test
    void cmykBecomesSrgb() throws IOException {
        NormalisedImage out = normalised(MediaCorpus.cmykJpeg(800, 600), MediaTarget.FEED_IMAGE);

        assertThat(out.description()).matches("JPEG \\((CMYK|YCCK)\\) 800×600 → JPEG 800×600, (CMYK|YCCK) → sRGB");
        assertThat(inspector.inspect(out.jpeg()).colourSpace()).isEqualTo(ColourSpace.RGB);
    }

    @Test
    void exifOrientationSixIsTurnedUpright() throws IOException {
        NormalisedImage out = normalised(MediaCorpus.jpegWithOrientation6(1200, 900), MediaTarget.FEED_IMAGE);

        assertThat(out.description()).isEqualTo("JPEG 1200×900 → JPEG 960×1200, rotated (EXIF 6), padded 3:4 → 4:5");
        assertThat(out.height()).isGreaterThan(out.width());
        // Turned a quarter clockwise, the stored left half (CENTRE) is on top, the right half (FIELD) below.
        assertThat(MediaCorpus.close(pixel(out.jpeg(), 480, 20), MediaCorpus.CENTRE, JPEG_TOLERANCE)).isTrue();
        assertThat(MediaCorpus.close(pixel(out.jpeg(), 480, 1180), MediaCorpus.FIELD, JPEG_TOLERANCE)).isTrue();
        assertThat(inspector.inspect(out.jpeg()).orientation()).isEqualTo(1);
    }

    @Test
    void bmpBecomesJpeg() throws IOException {
        assertThat(normalised(MediaCorpus.bmp(640, 480), MediaTarget.FEED_IMAGE).description())
                .isEqualTo("BMP 640×480 → JPEG 640×480");
    }

    @Test
    void animatedGifKeepsItsFirstFrame() throws IOException {
        NormalisedImage out = normalised(MediaCorpus.animatedGif(500, 500, 3), MediaTarget.FEED_IMAGE);

        assertThat(out.description()).isEqualTo("GIF (first of 3 frames) 500×500 → JPEG 500×500");
    }

    @Test
    void storyImageIsPlacedOnTheCanvas() throws IOException {
        NormalisedImage out = normalised(MediaCorpus.jpeg(1080, 1080), MediaTarget.STORY_IMAGE);

        assertThat(out.description()).isEqualTo("JPEG 1080×1080 → JPEG 1080×1920, padded 1:1 → 9:16");
    }

    @Test
    void cameraOriginalIsReadSubsampledAndComesUnderTheCap() throws IOException {
        NormalisedImage out = normalised(MediaCorpus.noisyJpeg(7000, 5000), MediaTarget.FEED_IMAGE);

        assertThat(out.description()).isEqualTo("JPEG 7000×5000 → JPEG 1440×1029");
        // One pixel in four of 7000×5000: the decoder held 1750×1250 pixels, not 35 million.
        assertThat(out.subsampling()).isEqualTo(4);
    }

    private NormalisedImage normalised(byte[] original, MediaTarget target) throws IOException {
        MediaDecision decision = decider.decide(new InspectedMedia(URL, inspector.inspect(original)), target);
        assertThat(decision).isInstanceOf(MediaDecision.Normalise.class);
        NormalisedImage out = normaliser.normalise(original, (MediaDecision.Normalise) decision);
        assertWithinRules(out, target, original);
        return out;
    }

    /** A JPEG Instagram takes for {@code target}, whose centre is the original's colour and which now passes as it is. */
    private void assertWithinRules(NormalisedImage out, MediaTarget target, byte[] original) throws IOException {
        MediaRules rules = MediaRules.of(target);
        ImageFacts facts = inspector.inspect(out.jpeg());
        assertThat(facts.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(facts.width()).isEqualTo(out.width());
        assertThat(facts.height()).isEqualTo(out.height());
        assertThat(rules.ratio().contains(facts.ratio().value())).as("ratio %s", facts.ratio().words()).isTrue();
        assertThat(rules.width().contains(facts.width())).as("width %d", facts.width()).isTrue();
        assertThat((long) out.jpeg().length).isLessThanOrEqualTo(rules.maxBytes());
        assertThat(MediaCorpus.close(MediaCorpus.centre(out.jpeg()), MediaCorpus.centre(original), JPEG_TOLERANCE))
                .as("centre %06X, originally %06X", MediaCorpus.centre(out.jpeg()), MediaCorpus.centre(original))
                .isTrue();
        if (target == MediaTarget.FEED_IMAGE) {
            assertThat(decider.decide(new InspectedMedia(URL, facts), target)).isInstanceOf(MediaDecision.PassThrough.class);
        }
    }

    private static int pixel(byte[] jpeg, int x, int y) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg)).getRGB(x, y) & 0xFFFFFF;
    }
}
