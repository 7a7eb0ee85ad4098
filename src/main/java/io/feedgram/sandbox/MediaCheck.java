package io.feedgram.sandbox;

import java.time.Instant;

/**
 * Where Instagram's check of a container's media stands: pending, passed, or failed with a subcode;
 * {@code at} is the sandbox instant it was decided (null while pending), part of when the container is ready.
 */
record MediaCheck(boolean done, Integer errorSubcode, Instant at) {

    static MediaCheck pending() {
        return new MediaCheck(false, null, null);
    }

    static MediaCheck passed(Instant at) {
        return new MediaCheck(true, null, at);
    }

    static MediaCheck failed(int subcode, Instant at) {
        return new MediaCheck(true, subcode, at);
    }

    boolean failed() {
        return errorSubcode != null;
    }
}
