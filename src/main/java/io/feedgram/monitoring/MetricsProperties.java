package io.feedgram.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.metrics.*}: the post metrics read from the database.
 *
 * @param refresh how long the post metrics read from the database are reused before they are read again:
 *                scrapes within it cost no query
 */
@ConfigurationProperties("feedgram.metrics")
public record MetricsProperties(@DefaultValue("10s") Duration refresh) {
}
