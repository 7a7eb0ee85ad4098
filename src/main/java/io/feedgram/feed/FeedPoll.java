package io.feedgram.feed;

/**
 * One poll of one feed as it travels through the route: the feed, the validators for a
 * conditional GET, and whether this is its first poll (which decides the backfill).
 */
public record FeedPoll(FeedConfig feed, String etag, String lastModified, boolean firstPoll, boolean conditional) {

    /** The same poll without validators: a dry run must see the whole feed. */
    public FeedPoll unconditional() {
        return new FeedPoll(feed, null, null, firstPoll, false);
    }
}
