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
 * @param concurrency       the most posts this instance works on at once (each a step, and its Graph call, on a worker thread)
 * @param containersAhead   the most posts of one account between "containers being created" and "published": an
 *                          account's containers are created just in time for the publishes it can make soon
 * @param idleCheck         the longest the dispatcher sleeps with no wake-up (work of another replica, a pause that ended)
 * @param lease             how long a claimed post (and the account publish lock taken under it) stays with the instance
 *                          that claimed it unless renewed; the instance renews it every third of this while it works
 * @param shutdownGrace     how long a stopping instance lets the steps in flight finish before it lets go of their posts
 * @param pollPolicy        when container status is read: adaptive (when the container is likely ready, learned from
 *                          what Feedgram observed) or fixed (every poll-interval exactly, for comparison)
 * @param pollInitialDelay  adaptive: the first guess of processing time, until Feedgram has observed some
 * @param pollInterval      fixed: the wait before each status read of a container
 * @param pollMaxInterval   adaptive: the longest wait between two status reads of a container
 * @param imageBudget       how long Instagram may take to process a post's images before the post fails
 * @param videoBudget       how long Instagram may take to process a post with a video before the post fails
 * @param maxRecreations    how often an expired or failed container is created again before the post fails
 * @param retryDelay        the first wait before retrying after a transient Graph error; it doubles each time
 * @param retryMaxDelay     the longest wait before retrying after a transient Graph error
 * @param maxRetries        how many transient errors a post survives before it fails
 * @param quotaRecheck      how long a post waits when the account's publishing quota is used up
 * @param quotaMargin       the publishing quota is read again before a publish once the account's known usage is
 *                          within this many publishes of its limit
 * @param quotaReadInterval the publishing quota is read again before a publish when the last reading is older than this
 * @param accountBlockPause how long an account pauses when Instagram blocks it (longer if Instagram asks)
 * @param reconcileInterval how long to wait before reading again whether a publish whose answer was lost went live
 */
@ConfigurationProperties("feedgram.publishing")
public record PublishingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration minInterval,
        @DefaultValue("true") boolean shareToFeed,
        @DefaultValue("256") int concurrency,
        @DefaultValue("6") int containersAhead,
        @DefaultValue("1s") Duration idleCheck,
        @DefaultValue("15s") Duration lease,
        @DefaultValue("20s") Duration shutdownGrace,
        @DefaultValue("adaptive") PollPolicy pollPolicy,
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
        @DefaultValue("10") int quotaMargin,
        @DefaultValue("1h") Duration quotaReadInterval,
        @DefaultValue("6h") Duration accountBlockPause,
        @DefaultValue("1m") Duration reconcileInterval) {

    /** When container status is read. */
    public enum PollPolicy { ADAPTIVE, FIXED }

    /** Retries after transient errors back off exponentially, capped. */
    public Duration retryDelay(int attempts) {
        double millis = retryDelay.toMillis() * Math.pow(2, Math.min(attempts, 30));
        return millis >= retryMaxDelay.toMillis() ? retryMaxDelay : Duration.ofMillis((long) millis);
    }
}
