package io.feedgram.post;

/** One image or video of a post, in the order it is to appear. */
public record MediaItem(String url, MediaType type, String altText) {
}
