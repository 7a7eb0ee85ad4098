package io.feedgram.graph;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.graph.*}: how Feedgram calls the Graph API.
 *
 * @param instagramUrl   base URL of graph.instagram.com; unset: the sandbox when it is on, else Meta's host
 * @param facebookUrl    base URL of graph.facebook.com; unset: the sandbox when it is on, else Meta's host
 * @param version        the Graph API version sent on every call
 * @param connectTimeout how long a connection to Meta may take
 * @param requestTimeout how long a whole call may take
 */
@ConfigurationProperties("feedgram.graph")
public record GraphProperties(
        String instagramUrl,
        String facebookUrl,
        @DefaultValue("v25.0") String version,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout) {
}
