package io.feedgram.media;

/** One planned change to a media item, in the order the normaliser applies them. */
public enum NormaliseStep {
    /** Decode PNG, WebP, GIF or BMP; re-encode as JPEG. */
    CONVERT_TO_JPEG,
    /** Keep only the first frame of an animation. */
    FIRST_FRAME,
    /** CMYK, YCCK or another space to sRGB. */
    CONVERT_TO_SRGB,
    /** Transparent pixels onto the background colour. */
    FLATTEN_ALPHA,
    /** Turn the pixels as the EXIF orientation says, so no viewer depends on the tag. */
    APPLY_ORIENTATION,
    /** Pad, blur-pad or crop to the target's ratio; never stretch. */
    FIT_RATIO,
    /** Re-encode to come under the size cap. */
    RECOMPRESS,
    /** Re-encode a video as MP4 with H.264 and AAC ({@link VideoTranscoder}). */
    TRANSCODE
}
