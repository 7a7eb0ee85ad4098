package io.feedgram.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.tokens.*}: when long-lived tokens are refreshed.
 *
 * @param refreshCron   when the refresh runs (Quartz cron)
 * @param refreshWindow tokens that expire within this window are refreshed
 * @param minAge        tokens younger than this are left alone: Instagram refuses to refresh them
 * @param retries       how often a failed refresh is retried before it is recorded as failed
 *                      (routes/errors.camel.yaml)
 * @param retryDelay    milliseconds before the first retry of a failed refresh; later retries back off from it
 *                      (a number: Camel's redelivery policy reads it)
 */
@ConfigurationProperties("feedgram.tokens")
public record TokensProperties(
        @DefaultValue("0 0 3 * * ?") String refreshCron,
        @DefaultValue("20d") Duration refreshWindow,
        @DefaultValue("24h") Duration minAge,
        @DefaultValue("3") int retries,
        @DefaultValue("60000") long retryDelay) {
}
