package io.feedgram.media;

/**
 * An image as stored: {@code width} and {@code height} are the stored raster's; the displayed
 * shape swaps them when the EXIF orientation turns the picture by a quarter (5 to 8).
 *
 * @param orientation EXIF orientation 1–8, 1 when absent
 * @param frames      frames in an animated GIF or WebP, else 1
 */
public record ImageFacts(ImageFormat format, int width, int height, int orientation, ColourSpace colourSpace,
                         boolean alpha, int frames, long bytes) implements MediaFacts {

    public boolean quarterTurned() {
        return orientation >= 5 && orientation <= 8;
    }

    public int displayedWidth() {
        return quarterTurned() ? height : width;
    }

    public int displayedHeight() {
        return quarterTurned() ? width : height;
    }

    public Ratio ratio() {
        return Ratio.of(displayedWidth(), displayedHeight());
    }

    /** The format in a history line: "PNG", "JPEG (CMYK)", "GIF (first of 3 frames)". */
    public String label() {
        String label = format == ImageFormat.WEBP ? "WebP" : format.name();
        if (colourSpace == ColourSpace.CMYK || colourSpace == ColourSpace.YCCK) {
            label += " (" + colourSpace + ")";
        }
        return frames > 1 ? label + " (first of " + frames + " frames)" : label;
    }
}
