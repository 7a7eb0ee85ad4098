package io.feedgram.graph;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Graph API lives. The URLs may hold placeholders such as
 * {@code ${local.server.port}} that are only known once the server runs (the demo's sandbox),
 * so they are resolved when first used.
 */
@ConfigurationProperties("feedgram.graph")
public record GraphProperties(
        @DefaultValue("https://graph.instagram.com") String instagramUrl,
        @DefaultValue("https://graph.facebook.com") String facebookUrl,
        @DefaultValue("v25.0") String version,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout) {
}
