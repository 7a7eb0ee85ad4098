package io.feedgram.account;

import java.time.Instant;

/** What is known about an account's stored token, without the token itself. */
public record StoredToken(
        String accountId,
        String username,
        boolean connected,
        String source,
        Instant issuedAt,
        Instant expiresAt,
        boolean hasUserToken,
        Instant userTokenExpiresAt,
        Instant lastRefreshAt,
        String lastRefreshResult,
        int refreshFailures) {
}
