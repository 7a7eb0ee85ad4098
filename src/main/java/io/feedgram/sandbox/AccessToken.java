package io.feedgram.sandbox;

import java.time.Instant;
import java.util.List;

import io.feedgram.graph.Login;

/**
 * A token the sandbox accepts: its flavour decides the host, its owner is the IG user it acts for.
 * {@link #toString()} masks the value so a token never reaches a log line.
 *
 * @param kind      short-lived, long-lived or Page token (docs/instagram.md#tokens)
 * @param igUserId  the IG user the token publishes for (Facebook user and Page tokens: the linked IG account)
 * @param issuedAt  when it was issued, on the sandbox clock (the 24 h refresh rule reads it)
 * @param expiresAt when it expires, on the sandbox clock; {@code null} for a Page token that never expires
 * @param scopes    the permissions granted
 * @param appId     the app it was issued to, or {@code null} when unknown
 * @param fbUserId  the Facebook user behind a Facebook Login token, or {@code null}
 */
record AccessToken(String value, Login login, TokenKind kind, String igUserId, String username, Instant issuedAt,
        Instant expiresAt, List<String> scopes, String appId, String fbUserId) {

    AccessToken {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** A long-lived token with no recorded app: what configuration and the {@code _tokens} control register. */
    AccessToken(String value, Login login, String igUserId, String username, Instant issuedAt, Instant expiresAt) {
        this(value, login, TokenKind.LONG_LIVED, igUserId, username, issuedAt, expiresAt, List.of(), null, null);
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    boolean neverExpires() {
        return expiresAt == null;
    }

    AccessToken expiringAt(Instant instant) {
        return new AccessToken(value, login, kind, igUserId, username, issuedAt, instant, scopes, appId, fbUserId);
    }

    @Override
    public String toString() {
        return "AccessToken[login=" + login + ", kind=" + kind + ", igUserId=" + igUserId + ", username=" + username
                + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + ", scopes=" + scopes + ", appId=" + appId
                + ", value=***]";
    }
}
