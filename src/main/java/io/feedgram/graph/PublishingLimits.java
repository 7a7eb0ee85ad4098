package io.feedgram.graph;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The publishing limit last read from Instagram for each Instagram user, for the quota gauges: reading
 * it for a metric alone would spend a Graph call on every scrape.
 */
@Component
public class PublishingLimits {

    private final Map<String, PublishingLimit> latest = new ConcurrentHashMap<>();

    void read(String igUserId, PublishingLimit limit) {
        latest.put(igUserId, limit);
    }

    public Optional<PublishingLimit> latest(String igUserId) {
        return Optional.ofNullable(igUserId).map(latest::get);
    }
}
