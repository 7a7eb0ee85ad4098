package io.feedgram.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Top-level {@code feedgram.*} settings that belong to no single feature.
 *
 * @param publicUrl Feedgram's address as browsers and Instagram's media fetcher see it: connect callbacks
 *                  and re-hosted media are served from it. Default {@code http://localhost:<server port>};
 *                  {@code feedgram.connect.public-url} is read when this is not set (deprecated alias).
 */
@ConfigurationProperties("feedgram")
public record FeedgramProperties(String publicUrl) {
}
