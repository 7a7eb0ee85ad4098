package io.feedgram.connect;

import java.util.Locale;

/** Why a connect flow ended without a connection: the {@code error=} of the final redirect, with a message for a person. */
public enum ConnectError {
    MISSING_PARAMS("The login answered without a code or state. Start connecting again."),
    SESSION_EXPIRED("This connect attempt expired or was already used. Start connecting again."),
    AUTHORIZATION_DENIED("The login was cancelled or refused. If the person is not an admin, developer or tester"
            + " of the Meta app, add them under App roles, then connect again."),
    TOKEN_EXCHANGE_FAILED("Instagram did not exchange the code for a token. Check the app secret and that the"
            + " redirect URI is registered in the Meta app, then connect again."),
    INVALID_CONFIG("This account cannot be connected this way: it is unknown, uses the other login, or has no"
            + " app-id and app-secret in application.yaml."),
    WRONG_ACCOUNT("The login belongs to another Instagram account than the one this account publishes to"
            + " (its ig-user-id). Log in as that Instagram account, or change ig-user-id in application.yaml."),
    NO_INSTAGRAM_ACCOUNT("None of your Facebook Pages has an Instagram professional account linked. Link the"
            + " Instagram professional account to a Facebook Page in the Page's settings (Linked accounts),"
            + " then connect again.");

    private final String message;

    ConnectError(String message) {
        this.message = message;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String message() {
        return message;
    }
}
