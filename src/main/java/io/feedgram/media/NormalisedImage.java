package io.feedgram.media;

/**
 * The JPEG made from an original, and what was done, for the post's history.
 *
 * @param description one line such as "PNG 1200×900 → JPEG 1200×1500, padded 4:3 → 4:5"
 * @param subsampling the decoder read one pixel in this many in each direction; it is what keeps
 *                    a 50-megapixel original within a small heap
 */
public record NormalisedImage(byte[] jpeg, int width, int height, String description, int subsampling) {
}
