package io.feedgram.post;

/**
 * How long after its creation a container was first seen ready, and the kind of post it belongs to.
 *
 * @param bucket the kind of posts Instagram processes alike, as adaptive polling names it
 * @param millis time from creation to first seen ready; the true processing time is at most this
 */
public record ProcessingTime(String bucket, long millis) {
}
