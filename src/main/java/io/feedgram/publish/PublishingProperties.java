package io.feedgram.publish;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code feedgram.publishing.*}: pacing, polling and retry policy. Defaults are documented in application.yaml. */
@ConfigurationProperties("feedgram.publishing")
public record PublishingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration minInterval,
        @DefaultValue("true") boolean shareToFeed,
        @DefaultValue("1s") Duration tick,
        @DefaultValue("10") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("2s") Duration pollInitialDelay,
        @DefaultValue("3s") Duration pollInterval,
        @DefaultValue("30s") Duration pollMaxInterval,
        @DefaultValue("5m") Duration imageBudget,
        @DefaultValue("15m") Duration videoBudget,
        @DefaultValue("2") int maxRecreations,
        @DefaultValue("5s") Duration retryDelay,
        @DefaultValue("10m") Duration retryMaxDelay,
        @DefaultValue("8") int maxRetries,
        @DefaultValue("15m") Duration quotaRecheck,
        @DefaultValue("6h") Duration accountBlockPause,
        @DefaultValue("1m") Duration reconcileInterval) {

    /** Status polls start quick and slow down: interval × 1.5^n, capped. */
    public Duration pollDelay(int attempts) {
        return capped(pollInterval, 1.5, attempts, pollMaxInterval);
    }

    /** Retries after transient errors back off exponentially, capped. */
    public Duration retryDelay(int attempts) {
        return capped(retryDelay, 2, attempts, retryMaxDelay);
    }

    private static Duration capped(Duration base, double factor, int attempts, Duration max) {
        double millis = base.toMillis() * Math.pow(factor, Math.min(attempts, 30));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
