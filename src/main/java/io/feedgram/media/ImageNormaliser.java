package io.feedgram.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an image Instagram would refuse into a JPEG it takes, keeping the author's picture whole
 * unless the owner chose cropping: decode (subsampled when the output is much smaller), sRGB,
 * upright, flattened, fitted to the planned ratio, scaled into the target's widths, encoded.
 */
public final class ImageNormaliser {

    /** The blurred background is drawn this many times smaller, then enlarged: a cheap, strong blur. */
    private static final int BLUR_SHRINK = 32;

    private final MediaSettings settings;
    private final ImageInspector inspector = new ImageInspector();
    private final JpegEncoder encoder = new JpegEncoder();

    public ImageNormaliser(MediaSettings settings) {
        this.settings = settings;
    }

    /** Carries out an image plan; a transcode is a video's and is not this class's job. */
    public NormalisedImage normalise(byte[] original, MediaDecision.Normalise plan) throws IOException {
        if (plan.steps().contains(NormaliseStep.TRANSCODE)) {
            throw new IllegalArgumentException("a transcode plan is for a video, not an image: " + plan.url());
        }
        ImageFacts facts = inspector.inspect(original);
        if (facts.format() == ImageFormat.UNKNOWN) {
            throw new IOException("not an image this normaliser can read");
        }
        MediaRules rules = MediaRules.of(plan.target());
        Ratio ratio = plan.ratio();
        Size out = outputSize(facts, rules, ratio);
        double sourceWidth = facts.displayedWidth();
        double sourceHeight = facts.displayedHeight();
        double scale = settings.fit() == RatioFit.CROP
                ? Math.max(out.width() / sourceWidth, out.height() / sourceHeight)
                : Math.min(out.width() / sourceWidth, out.height() / sourceHeight);
        int subsampling = Math.max(1, (int) Math.floor(1 / scale));

        BufferedImage decoded = toRgb(decode(original, subsampling));
        // From decoded pixels to output pixels: centre, turn upright, scale (the decoded image may be subsampled).
        double decodedScale = scale * facts.width() / decoded.getWidth();
        AffineTransform place = new AffineTransform();
        place.translate(out.width() / 2.0, out.height() / 2.0);
        place.scale(decodedScale, decodedScale);
        place.concatenate(orientation(facts.orientation()));
        place.translate(-decoded.getWidth() / 2.0, -decoded.getHeight() / 2.0);

        BufferedImage canvas = new BufferedImage(out.width(), out.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(new Color(settings.background()));
            g.fillRect(0, 0, out.width(), out.height());
            if (settings.fit() == RatioFit.BLUR) {
                double cover = Math.max(out.width() / sourceWidth, out.height() / sourceHeight) / scale;
                g.drawImage(blurred(decoded, place, cover, out), 0, 0, out.width(), out.height(), null);
            }
            g.drawImage(decoded, place, null);
        } finally {
            g.dispose();
        }
        JpegEncoder.Encoded jpeg = encoder.encode(canvas, rules.maxBytes());
        String description = describe(facts, plan, out, jpeg.quality());
        return new NormalisedImage(jpeg.bytes(), out.width(), out.height(), description, subsampling);
    }

    /** The output frame: the target's canvas, or the picture grown (pad) or cut (crop) to the ratio, within the widths. */
    private Size outputSize(ImageFacts facts, MediaRules rules, Ratio ratio) {
        if (rules.canvas() != null) {
            return rules.canvas();
        }
        double frameWidth = settings.fit() == RatioFit.CROP
                ? Math.min(facts.displayedWidth(), facts.displayedHeight() * ratio.value())
                : Math.max(facts.displayedWidth(), facts.displayedHeight() * ratio.value());
        int width = (int) Math.round(rules.width().clamp(frameWidth));
        int height = Math.max(1, (int) Math.round(width / ratio.value()));
        // Rounding must not carry the ratio out of range (1203 / 1504 is below 4:5).
        while ((double) width / height < rules.ratio().min()) {
            height--;
        }
        while ((double) width / height > rules.ratio().max()) {
            height++;
        }
        return new Size(width, height);
    }

    private static BufferedImage decode(byte[] original, int subsampling) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            ImageReader reader = ImageIO.getImageReaders(stream).next();
            try {
                reader.setInput(stream, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * CMYK and profiled RGB through their colour profiles into sRGB; gray is left to drawing,
     * which copies its levels as they are (a profile conversion would lighten it).
     */
    private static BufferedImage toRgb(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
            return image;
        }
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), type);
        new ColorConvertOp(null).filter(image, rgb);
        return rgb;
    }

    /** EXIF orientation 1–8 as a turn or mirror about the picture's centre. */
    private static AffineTransform orientation(int orientation) {
        return switch (orientation) {
            case 2 -> AffineTransform.getScaleInstance(-1, 1);
            case 3 -> AffineTransform.getQuadrantRotateInstance(2);
            case 4 -> AffineTransform.getScaleInstance(1, -1);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> AffineTransform.getQuadrantRotateInstance(1);
            case 7 -> new AffineTransform(0, -1, -1, 0, 0, 0);
            case 8 -> AffineTransform.getQuadrantRotateInstance(3);
            default -> new AffineTransform();
        };
    }

    /** The picture enlarged to cover the frame, drawn tiny: stretched back over the frame, it is a soft blur. */
    private static BufferedImage blurred(BufferedImage decoded, AffineTransform place, double cover, Size out) {
        int width = Math.max(1, out.width() / BLUR_SHRINK);
        int height = Math.max(1, out.height() / BLUR_SHRINK);
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform shrink = AffineTransform.getScaleInstance((double) width / out.width(),
                    (double) height / out.height());
            shrink.translate(out.width() / 2.0, out.height() / 2.0);
            shrink.scale(cover, cover);
            shrink.translate(-out.width() / 2.0, -out.height() / 2.0);
            shrink.concatenate(place);
            g.drawImage(decoded, shrink, null);
        } finally {
            g.dispose();
        }
        return small;
    }

    private String describe(ImageFacts facts, MediaDecision.Normalise plan, Size out, float quality) {
        List<String> done = new ArrayList<>();
        if (facts.orientation() != 1) {
            done.add("rotated (EXIF " + facts.orientation() + ")");
        }
        if (plan.steps().contains(NormaliseStep.CONVERT_TO_SRGB)) {
            done.add(facts.colourSpace() + " → sRGB");
        }
        if (facts.alpha()) {
            done.add(String.format("flattened on #%06X", settings.background()));
        }
        if (plan.steps().contains(NormaliseStep.FIT_RATIO)) {
            String how = switch (settings.fit()) {
                case PAD -> "padded";
                case BLUR -> "padded with a blurred copy";
                case CROP -> "cropped";
            };
            done.add(how + " " + facts.ratio().words() + " → " + Ratio.of(out.width(), out.height()).words());
        }
        if (quality < JpegEncoder.START_QUALITY) {
            done.add("JPEG quality " + quality + " to fit " + plan.target().noun());
        }
        String line = facts.label() + " " + facts.width() + "×" + facts.height()
                + " → JPEG " + out.width() + "×" + out.height();
        return done.isEmpty() ? line : line + ", " + String.join(", ", done);
    }
}
