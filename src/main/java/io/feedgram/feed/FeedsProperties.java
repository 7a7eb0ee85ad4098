package io.feedgram.feed;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code feedgram.feeds} (the feeds) and {@code feedgram.fetch} (how they are fetched).
 *
 * @param feeds the feeds to publish from: id, url, account, every or cron, caption, kind, backfill,
 *              include-categories, exclude-categories and first-comment
 * @param fetch how feeds are fetched
 */
@ConfigurationProperties("feedgram")
public record FeedsProperties(List<FeedConfig> feeds, @DefaultValue Fetch fetch) {

    public FeedsProperties {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
    }

    public Optional<FeedConfig> find(String id) {
        return feeds.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * Fetching limits; the connect and read timeouts are camel-http's, under {@code camel.component.http}.
     *
     * @param maxSize   the largest feed body read; a larger one fails with a clear error
     * @param userAgent the User-Agent sent with every feed request
     * @param check     how often the feed route looks for feeds that are due
     * @param deadline  the longest a whole feed download may take, whatever the server's pace
     * @param lease     how long a feed being polled stays with the instance polling it before another may take it
     * @param allowedPrivateHosts hosts Feedgram may fetch although they are or resolve to loopback, private or
     *                  link-local addresses: host names and IP addresses or CIDR ranges such as {@code 127.0.0.0/8}
     *                  (default none; with the sandbox on, loopback and private addresses are allowed anyway)
     */
    public record Fetch(
            @DefaultValue("5MB") DataSize maxSize,
            @DefaultValue("Feedgram/0.1 (+https://github.com/feedgram/feedgram)") String userAgent,
            @DefaultValue("5s") Duration check,
            @DefaultValue("60s") Duration deadline,
            @DefaultValue("2m") Duration lease,
            @DefaultValue List<String> allowedPrivateHosts) {
    }
}
