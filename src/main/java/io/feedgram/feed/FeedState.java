package io.feedgram.feed;

import java.time.Instant;

/** A feed's record between polls: when it is due, its HTTP validators, how the last poll went, and counts. */
public record FeedState(
        String feedId,
        Instant nextPollAt,
        String etag,
        String lastModified,
        Instant firstPolledAt,
        Instant lastPollAt,
        String lastStatus,
        String lastError,
        int polls,
        int entriesSeen,
        int postsCreated,
        int entriesSkipped) {
}
