package io.feedgram.media;

/** A media item of a post: where Instagram would fetch it, and what inspection found. */
public record InspectedMedia(String url, MediaFacts facts) {
}
