package io.feedgram.media;

/**
 * Choices the owner makes about their media (to be bound to {@code feedgram.media.*} when wired).
 *
 * @param fit        how images are brought to an allowed ratio
 * @param background RGB colour behind transparency and padding
 * @param transcode  whether videos Instagram refuses may be re-encoded
 */
public record MediaSettings(RatioFit fit, int background, boolean transcode) {

    /** Padding in white: the picture stays whole, and white is what transparent PNGs mostly sit on. */
    public static final MediaSettings DEFAULTS = new MediaSettings(RatioFit.PAD, 0xFFFFFF, false);
}
