package io.feedgram.graph;

import java.time.Duration;

/**
 * A Graph call that did not succeed: either Instagram answered with an error
 * ({@link Refused}) or no answer came back ({@link Unanswered}), in which case a write may
 * or may not have happened. Messages never carry tokens.
 */
public abstract sealed class GraphException extends RuntimeException {

    GraphException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Instagram answered with an error envelope. */
    public static final class Refused extends GraphException {
        private final int httpStatus;
        private final GraphError error;
        private final Duration retryAfter;

        public Refused(int httpStatus, GraphError error, Duration retryAfter) {
            super("HTTP " + httpStatus + ", " + error.describe(), null);
            this.httpStatus = httpStatus;
            this.error = error;
            this.retryAfter = retryAfter;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public GraphError error() {
            return error;
        }

        /** How long Instagram asked us to wait (rate-limit headers), or null. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Timeout, connection failure, or a body that is not the Graph envelope. */
    public static final class Unanswered extends GraphException {
        public Unanswered(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
