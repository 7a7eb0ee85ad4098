package io.feedgram.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Encodes an sRGB picture as a baseline JPEG, lowering the quality until it fits a size cap. */
public final class JpegEncoder {

    /** High enough that re-encoding shows no artefacts on photos; Instagram re-encodes anyway. */
    static final float START_QUALITY = 0.9f;
    private static final float STEP = 0.1f;
    /**
     * Below this a JPEG shows blocks. At 1920 px or less it is never reached: even noise takes
     * about 3 bytes a pixel at 0.9, about 1 MB per megapixel less at each step.
     */
    private static final float FLOOR = 0.3f;

    /** A JPEG and the quality it was written at. */
    public record Encoded(byte[] bytes, float quality) {
    }

    public Encoded encode(BufferedImage rgb, long maxBytes) throws IOException {
        for (float quality = START_QUALITY; quality >= FLOOR - 1e-3; quality -= STEP) {
            byte[] jpeg = write(new IIOImage(rgb, null, null), quality);
            if (jpeg.length <= maxBytes) {
                return new Encoded(jpeg, Math.round(quality * 10) / 10f);
            }
        }
        throw new IOException("a " + rgb.getWidth() + "×" + rgb.getHeight() + " JPEG does not fit " + maxBytes
                + " bytes even at quality " + FLOOR);
    }

    /** Writes an image, or a raster of any bands (as tests make CMYK ones), at a quality from 0 to 1. */
    static byte[] write(IIOImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, image, param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
