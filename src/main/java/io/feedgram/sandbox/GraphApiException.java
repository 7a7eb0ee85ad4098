package io.feedgram.sandbox;

/** Ends a sandbox Graph call with an error envelope; the controller renders it. */
final class GraphApiException extends RuntimeException {

    private final transient GraphError error;

    GraphApiException(GraphError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    GraphError error() {
        return error;
    }
}
