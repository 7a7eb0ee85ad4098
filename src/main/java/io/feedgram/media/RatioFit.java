package io.feedgram.media;

/** How an image is brought to a ratio it does not have. Stretching is not offered: it distorts people and text. */
public enum RatioFit {
    /** Add bands of the background colour; nothing of the picture is lost. */
    PAD,
    /** Add bands filled with a blurred, enlarged copy of the picture, as phone apps do. */
    BLUR,
    /** Cut the edges, keeping the centre. */
    CROP
}
