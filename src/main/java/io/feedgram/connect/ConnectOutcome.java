package io.feedgram.connect;

/** How a connect flow ended: the connected username, or the error. */
record ConnectOutcome(String accountId, String username, ConnectError error) {

    static ConnectOutcome connected(String accountId, String username) {
        return new ConnectOutcome(accountId, username, null);
    }

    static ConnectOutcome failed(String accountId, ConnectError error) {
        return new ConnectOutcome(accountId, null, error);
    }

    boolean succeeded() {
        return error == null;
    }
}
