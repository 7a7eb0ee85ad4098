package io.feedgram.feed;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code feedgram.feeds} (the feeds) and {@code feedgram.fetch} (how they are fetched). */
@ConfigurationProperties("feedgram")
public record FeedsProperties(List<FeedConfig> feeds, @DefaultValue Fetch fetch) {

    public FeedsProperties {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
    }

    public Optional<FeedConfig> find(String id) {
        return feeds.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Fetching limits; the connect and read timeouts are camel-http's, under {@code camel.component.http}. */
    public record Fetch(
            @DefaultValue("5MB") DataSize maxSize,
            @DefaultValue("Feedgram/0.1 (+https://github.com/feedgram/feedgram)") String userAgent,
            @DefaultValue("5s") Duration check,
            @DefaultValue("60s") Duration deadline,
            @DefaultValue("2m") Duration lease) {
    }
}
