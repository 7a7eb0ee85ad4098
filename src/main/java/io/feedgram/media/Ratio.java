package io.feedgram.media;

import java.util.Locale;

/** A width/height ratio, named as people write it ("4:5", "1.91:1") in refusals and history lines. */
public record Ratio(double value) {

    /** Two ratios closer than this are the same picture shape; it absorbs pixel rounding (1440×754 is 1.91:1). */
    private static final double SAME = 0.01;
    /** Ratios with small terms (up to 16:9's) are named as a fraction, others as a decimal against 1. */
    private static final int LARGEST_TERM = 16;

    public static Ratio of(int width, int height) {
        return new Ratio((double) width / height);
    }

    public boolean sameAs(Ratio other) {
        return Math.abs(value - other.value) <= SAME * other.value;
    }

    public String words() {
        for (int denominator = 1; denominator <= LARGEST_TERM; denominator++) {
            long numerator = Math.round(value * denominator);
            if (numerator >= 1 && numerator <= LARGEST_TERM
                    && Math.abs((double) numerator / denominator - value) <= 0.005 * value) {
                return numerator + ":" + denominator;
            }
        }
        return value >= 1
                ? String.format(Locale.ROOT, "%.2f:1", value)
                : String.format(Locale.ROOT, "1:%.2f", 1 / value);
    }
}
