package io.feedgram.account;

import java.time.Instant;

/**
 * What Feedgram knows about an account at run time.
 *
 * @param quota the last reading of its publishing quota, null before the first
 */
public record AccountState(
        String accountId,
        Status status,
        String reason,
        Instant pausedUntil,
        Instant lastPublishedAt,
        QuotaReading quota) {

    /**
     * Instagram's answer to {@code content_publishing_limit} at {@code readAt}, and how many times
     * Feedgram published for the account since.
     */
    public record QuotaReading(int usage, int total, Instant readAt, int publishedSince) {

        /** The usage Instagram would report now, as far as Feedgram knows (other tools' publishes aside). */
        public int knownUsage() {
            return usage + publishedSince;
        }
    }

    public enum Status { ACTIVE, PAUSED, NEEDS_REAUTH }
}
