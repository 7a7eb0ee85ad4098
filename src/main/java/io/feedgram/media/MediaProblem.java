package io.feedgram.media;

/** A media item Feedgram cannot use, with the sentence that tells its author why. */
final class MediaProblem extends RuntimeException {

    MediaProblem(String reason) {
        super(reason, null, false, false);
    }
}
