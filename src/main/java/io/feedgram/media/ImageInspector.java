package io.feedgram.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's {@link ImageFacts} from its headers only: the raster is never decoded, so a
 * 50-megapixel original costs a few kilobytes of heap here.
 */
public final class ImageInspector {

    static {
        // TwelveMonkeys' readers register through the service loader; inside Spring Boot's
        // executable jar ImageIO must be asked to look for them on the application's class loader.
        ImageIO.scanForPlugins();
    }

    /** Enough for every magic number {@link ImageFormat} knows. */
    private static final int HEAD = 12;
    /** Adobe APP14 transform byte: 2 means the four channels are YCCK, not CMYK (Adobe TN 5116). */
    private static final int ADOBE_YCCK = 2;
    /** "Exif\0\0" before the TIFF structure in APP1. */
    private static final int EXIF_HEADER = 6;
    /** "Adobe", version, flags0 and flags1 before the transform byte in APP14. */
    private static final int ADOBE_TRANSFORM = 11;

    public ImageFacts inspect(byte[] image) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            return inspect(stream, image.length);
        }
    }

    public ImageFacts inspect(Path image) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(image.toFile())) {
            return inspect(stream, Files.size(image));
        }
    }

    private ImageFacts inspect(ImageInputStream stream, long bytes) throws IOException {
        byte[] head = new byte[HEAD];
        int read = stream.read(head);
        stream.seek(0);
        ImageFormat format = ImageFormat.sniff(Arrays.copyOf(head, Math.max(read, 0)));
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (format == ImageFormat.UNKNOWN || !readers.hasNext()) {
            return new ImageFacts(ImageFormat.UNKNOWN, 0, 0, 1, ColourSpace.OTHER, false, 0, bytes);
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(stream, false, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            ColorModel colours = imageType(reader).getColorModel();
            // Counting GIF or WebP frames walks their blocks without decoding them.
            int frames = format == ImageFormat.GIF || format == ImageFormat.WEBP ? reader.getNumImages(true) : 1;
            int orientation = 1;
            boolean ycck = false;
            if (format == ImageFormat.JPEG) {
                stream.seek(0);
                List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(stream,
                        Map.of(JPEG.APP1, List.of("Exif"), JPEG.APP14, List.of("Adobe")));
                orientation = orientation(segments);
                ycck = ycck(segments);
            }
            return new ImageFacts(format, width, height, orientation, colourSpace(colours.getColorSpace(), ycck),
                    colours.hasAlpha(), frames, bytes);
        } finally {
            reader.dispose();
        }
    }

    private static ImageTypeSpecifier imageType(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        return raw != null ? raw : reader.getImageTypes(0).next();
    }

    private static ColourSpace colourSpace(ColorSpace space, boolean ycck) {
        return switch (space.getType()) {
            case ColorSpace.TYPE_RGB -> ColourSpace.RGB;
            case ColorSpace.TYPE_GRAY -> ColourSpace.GRAY;
            case ColorSpace.TYPE_CMYK -> ycck ? ColourSpace.YCCK : ColourSpace.CMYK;
            default -> ColourSpace.OTHER;
        };
    }

    private static int orientation(List<JPEGSegment> segments) throws IOException {
        for (JPEGSegment segment : segments) {
            if (segment.marker() == JPEG.APP1) {
                byte[] exif = segment.segmentData().readAllBytes();
                try (ImageInputStream tiff = ImageIO.createImageInputStream(
                        new ByteArrayInputStream(exif, EXIF_HEADER, exif.length - EXIF_HEADER))) {
                    Directory directory = new TIFFReader().read(tiff);
                    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                    if (entry != null && entry.getValue() instanceof Number number
                            && number.intValue() >= 1 && number.intValue() <= 8) {
                        return number.intValue();
                    }
                }
            }
        }
        return 1;
    }

    private static boolean ycck(List<JPEGSegment> segments) throws IOException {
        for (JPEGSegment segment : segments) {
            if (segment.marker() == JPEG.APP14) {
                byte[] adobe = segment.segmentData().readAllBytes();
                return adobe.length > ADOBE_TRANSFORM && adobe[ADOBE_TRANSFORM] == ADOBE_YCCK;
            }
        }
        return false;
    }
}
