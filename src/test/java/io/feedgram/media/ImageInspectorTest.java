package io.feedgram.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInspectorTest {

    private final ImageInspector inspector = new ImageInspector();

    @Test
    void compliantJpeg() throws IOException {
        byte[] jpeg = MediaCorpus.jpeg(1080, 1080);

        assertThat(inspector.inspect(jpeg)).isEqualTo(
                new ImageFacts(ImageFormat.JPEG, 1080, 1080, 1, ColourSpace.RGB, false, 1, jpeg.length));
    }

    @Test
    void readsAFileAsItReadsBytes(@TempDir Path dir) throws IOException {
        byte[] jpeg = MediaCorpus.jpeg(900, 1200);
        Path file = Files.write(dir.resolve("portrait.jpg"), jpeg);

        assertThat(inspector.inspect(file)).isEqualTo(inspector.inspect(jpeg));
    }

    @Test
    void pngWithAlpha() throws IOException {
        ImageFacts facts = inspector.inspect(MediaCorpus.pngWithAlpha(1200, 900));

        assertThat(facts.format()).isEqualTo(ImageFormat.PNG);
        assertThat(facts.alpha()).isTrue();
        assertThat(facts.colourSpace()).isEqualTo(ColourSpace.RGB);
        assertThat(facts.ratio().words()).isEqualTo("4:3");
    }

    @Test
    void webp() throws IOException {
        ImageFacts facts = inspector.inspect(MediaCorpus.webp());

        assertThat(facts.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(facts.width()).isEqualTo(400);
        assertThat(facts.height()).isEqualTo(300);
        assertThat(facts.frames()).isEqualTo(1);
    }

    @Test
    void cmykJpeg() throws IOException {
        ImageFacts facts = inspector.inspect(MediaCorpus.cmykJpeg(800, 600));

        assertThat(facts.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(facts.colourSpace()).isIn(ColourSpace.CMYK, ColourSpace.YCCK);
        assertThat(facts.label()).startsWith("JPEG (");
    }

    @Test
    void grayJpeg() throws IOException {
        ImageFacts facts = inspector.inspect(
                MediaCorpus.jpeg(MediaCorpus.picture(400, 400, BufferedImage.TYPE_BYTE_GRAY), 0.9f));

        assertThat(facts.colourSpace()).isEqualTo(ColourSpace.GRAY);
    }

    @Test
    void exifOrientationSixSwapsTheDisplayedShape() throws IOException {
        ImageFacts facts = inspector.inspect(MediaCorpus.jpegWithOrientation6(1200, 900));

        assertThat(facts.orientation()).isEqualTo(6);
        assertThat(facts.width()).isEqualTo(1200);
        assertThat(facts.displayedWidth()).isEqualTo(900);
        assertThat(facts.displayedHeight()).isEqualTo(1200);
        assertThat(facts.ratio().words()).isEqualTo("3:4");
    }

    @Test
    void animatedGifCountsItsFrames() throws IOException {
        ImageFacts facts = inspector.inspect(MediaCorpus.animatedGif(500, 500, 3));

        assertThat(facts.format()).isEqualTo(ImageFormat.GIF);
        assertThat(facts.frames()).isEqualTo(3);
        assertThat(facts.label()).isEqualTo("GIF (first of 3 frames)");
    }

    @Test
    void bmpIsReadByTheJdk() throws IOException {
        ImageFacts facts = inspector.inspect(MediaCorpus.bmp(640, 480));

        assertThat(facts.format()).isEqualTo(ImageFormat.BMP);
        assertThat(facts.width()).isEqualTo(640);
    }

    @Test
    void somethingElseIsUnknown() throws IOException {
        byte[] html = "<!doctype html><title>Login</title>".getBytes();

        assertThat(inspector.inspect(html).format()).isEqualTo(ImageFormat.UNKNOWN);
    }
}
