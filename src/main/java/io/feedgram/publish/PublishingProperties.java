package io.feedgram.publish;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.publishing.*}: pacing, polling and retry policy. Defaults are documented in application.yaml.
 *
 * @param enabled           false: nothing is published (for example a sandbox-only instance); posts still queue
 * @param minInterval       least time between two publishes of one account; 0s turns the pacing off
 * @param shareToFeed       whether a reel also appears in the feed grid when its post does not say
 * @param tick              how often the publishing route looks for posts that are due
 * @param batchSize         the most due posts claimed in one tick
 * @param lease             how long a claimed post stays with the instance that claimed it before another may take it
 * @param pollInitialDelay  how long after creating containers their status is first read
 * @param pollInterval      the first wait between two status reads of a container; it grows by half each time
 * @param pollMaxInterval   the longest wait between two status reads of a container
 * @param imageBudget       how long Instagram may take to process a post's images before the post fails
 * @param videoBudget       how long Instagram may take to process a post with a video before the post fails
 * @param maxRecreations    how often an expired or failed container is created again before the post fails
 * @param retryDelay        the first wait before retrying after a transient Graph error; it doubles each time
 * @param retryMaxDelay     the longest wait before retrying after a transient Graph error
 * @param maxRetries        how many transient errors a post survives before it fails
 * @param quotaRecheck      how long a post waits when the account's publishing quota is used up
 * @param accountBlockPause how long an account pauses when Instagram blocks it (longer if Instagram asks)
 * @param reconcileInterval how long to wait before reading again whether a publish whose answer was lost went live
 */
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
