package io.feedgram.media;

/** How an image stores colour; Instagram refuses CMYK and YCCK JPEGs (36001/2207005). */
public enum ColourSpace {
    RGB, GRAY, CMYK, YCCK, OTHER
}
