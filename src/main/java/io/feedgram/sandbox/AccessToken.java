package io.feedgram.sandbox;

import java.time.Instant;

import io.feedgram.account.AccountConfig.Login;

/**
 * A token the sandbox accepts: its flavour decides the host, its owner is the IG user it acts for.
 * {@link #toString()} masks the value so a token never reaches a log line.
 */
record AccessToken(String value, Login login, String igUserId, String username, Instant expiresAt) {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[login=" + login + ", igUserId=" + igUserId + ", username=" + username
                + ", expiresAt=" + expiresAt + ", value=***]";
    }
}
