package io.feedgram.media;

/** A closed range of a measure (ratio, px, s, fps); {@link #ANY} where Instagram sets no bound. */
public record Bounds(double min, double max) {

    public static final Bounds ANY = new Bounds(0, Double.MAX_VALUE);

    public boolean contains(double value) {
        return min <= value && value <= max;
    }

    public double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }
}
