package io.feedgram.feed;

/**
 * What one feed entry becomes: a post, or a skip with its reason. {@code key} is a SHA-256 of
 * the feed id and the entry id, the entry's identity across polls and restarts.
 */
public record EntryDecision(FeedPoll poll, FeedEntry entry, String key, String skipReason) {

    public boolean posts() {
        return skipReason == null;
    }
}
