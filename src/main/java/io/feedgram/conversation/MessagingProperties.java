package io.feedgram.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.messaging.*}: how Feedgram answers direct messages and comments. Defaults are documented in
 * application.yaml.
 *
 * @param perHour            the most direct messages (replies and private replies) one account sends per rolling hour;
 *                           more wait for the hour to move on, none is dropped
 * @param window             how long after a person's last message a reply may be sent (Instagram's 24 hours)
 * @param privateReplyWindow how long after a comment its one private reply may be sent (Instagram's 7 days)
 * @param tick               how often the messaging route looks for replies that are due
 * @param batchSize          the most replies claimed in one tick
 * @param lease              how long a claimed reply stays with the instance that claimed it
 * @param retryDelay         the first wait after a transient failure or an unknown outcome; it doubles each time
 * @param retryMaxDelay      the longest such wait
 * @param maxRetries         how many transient failures a reply that was surely not sent survives before it fails
 */
@ConfigurationProperties("feedgram.messaging")
public record MessagingProperties(
        @DefaultValue("200") int perHour,
        @DefaultValue("24h") Duration window,
        @DefaultValue("7d") Duration privateReplyWindow,
        @DefaultValue("1s") Duration tick,
        @DefaultValue("10") int batchSize,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("5s") Duration retryDelay,
        @DefaultValue("10m") Duration retryMaxDelay,
        @DefaultValue("8") int maxRetries) {

    /** {@code retryDelay × 2^attempts}, at most {@code retryMaxDelay}. */
    public Duration retryDelay(int attempts) {
        Duration delay = retryDelay.multipliedBy(1L << Math.min(Math.max(attempts, 0), 20));
        return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
    }
}
