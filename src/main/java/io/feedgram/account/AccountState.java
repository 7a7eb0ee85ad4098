package io.feedgram.account;

import java.time.Instant;

/** What Feedgram knows about an account at run time. */
public record AccountState(
        String accountId,
        Status status,
        String reason,
        Instant pausedUntil,
        Instant lastPublishedAt) {

    public enum Status { ACTIVE, PAUSED, NEEDS_REAUTH }
}
