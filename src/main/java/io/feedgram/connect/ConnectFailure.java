package io.feedgram.connect;

/** A step of a connect flow failed; {@code detail} is safe to log (no token, code or secret). */
final class ConnectFailure extends RuntimeException {

    private final ConnectError error;

    ConnectFailure(ConnectError error, String detail) {
        super(detail, null, false, false);
        this.error = error;
    }

    ConnectError error() {
        return error;
    }
}
