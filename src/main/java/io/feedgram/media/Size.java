package io.feedgram.media;

/** A width and height in pixels. */
public record Size(int width, int height) {
}
