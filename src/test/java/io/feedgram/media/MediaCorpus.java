package io.feedgram.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Test images made on the fly with Java2D, so no binary blob is committed (WebP, which ImageIO cannot write, aside). */
final class MediaCorpus {

    /** The author's colour: every picture has it at its centre, padding never does. */
    static final int CENTRE = 0xC03020;
    /** A colour for the rest of the picture, unlike the centre and the white padding. */
    static final int FIELD = 0x2060C0;

    private MediaCorpus() {
    }

    /** A picture of {@code FIELD} with a {@code CENTRE} block in its middle third. */
    static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(FIELD));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(CENTRE));
        g.fillRect(width / 3, height / 3, width / 3, height / 3);
        g.dispose();
        return image;
    }

    static byte[] jpeg(int width, int height) {
        return jpeg(picture(width, height, BufferedImage.TYPE_INT_RGB), 0.9f);
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        return writeJpeg(new IIOImage(image, null, null), quality);
    }

    static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    static byte[] bmp(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "bmp");
    }

    /** A PNG whose outer third is fully transparent. */
    static byte[] pngWithAlpha(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(CENTRE));
        g.fillRect(width / 3, height / 3, width / 3, height / 3);
        g.dispose();
        return png(image);
    }

    /**
     * A four-channel JPEG with Adobe's APP14 marker saying "no colour transform", which is how
     * Photoshop saves CMYK for print (ImageIO's writer leaves the marker out, so it is added).
     */
    static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBufferByte.TYPE_BYTE, width, height, 4, null);
        int[] field = {55, 255, 255, 255};
        int[] centre = {255, 55, 55, 255};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean middle = x >= width / 3 && x < 2 * width / 3 && y >= height / 3 && y < 2 * height / 3;
                raster.setPixel(x, y, middle ? centre : field);
            }
        }
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return withSegment(writeJpeg(new IIOImage(raster, null, null), 0.9f), 0xEE, adobe);
    }

    /**
     * A landscape JPEG whose left half is {@code CENTRE} and right half {@code FIELD}, tagged EXIF
     * orientation 6: shown upright it is a portrait, the left half on top.
     */
    static byte[] jpegWithOrientation6(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(CENTRE));
        g.fillRect(0, 0, width / 2, height);
        g.setColor(new Color(FIELD));
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        // APP1: "Exif\0\0", then a little-endian TIFF header and one IFD holding Orientation (0x0112, SHORT) = 6.
        ByteBuffer exif = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
        exif.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        exif.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        exif.putShort((short) 1);
        exif.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        exif.putInt(0);
        return withSegment(jpeg(image, 0.9f), 0xE1, exif.array());
    }

    /** {@code jpeg} with an APPn segment inserted right after its start-of-image marker. */
    private static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        int length = 2 + payload.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A camera-sized original: noise (which JPEG cannot compress) around a solid centre, over 8 MiB. */
    static byte[] noisyJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        new Random(42).nextBytes(pixels);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(CENTRE));
        g.fillRect(width * 2 / 5, height * 2 / 5, width / 5, height / 5);
        g.dispose();
        return jpeg(image, 0.8f);
    }

    /** An animated GIF of {@code frames} frames, the first one the usual picture. */
    static byte[] animatedGif(int width, int height, int frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = picture(width, height, BufferedImage.TYPE_INT_RGB);
                if (i > 0) {
                    Graphics2D g = frame.createGraphics();
                    g.setColor(Color.GREEN);
                    g.fillRect(0, 0, width, height);
                    g.dispose();
                }
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A 400×300 WebP, FIELD with a CENTRE-like orange middle, made once with cwebp (ImageIO writes no WebP). */
    static byte[] webp() {
        try (InputStream in = MediaCorpus.class.getResourceAsStream("/media/blue-orange-400x300.webp")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The colour of the pixel at the centre of an encoded image, as any reader sees it. */
    static int centre(byte[] encoded) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(encoded));
            return image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xFFFFFF;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether two colours differ by at most {@code tolerance} in each channel (JPEG moves colours a little). */
    static boolean close(int rgb, int expected, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xFF) - ((expected >> shift) & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static byte[] writeJpeg(IIOImage image, float quality) {
        try {
            return JpegEncoder.write(image, quality);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
