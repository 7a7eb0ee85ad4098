package io.feedgram.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.tokens.*}: when long-lived tokens are refreshed. Defaults are documented in application.yaml.
 *
 * @param refreshCron   when the refresh runs (Quartz cron)
 * @param refreshWindow tokens that expire within this window are refreshed
 * @param minAge        tokens younger than this are left alone: Instagram refuses to refresh them
 */
@ConfigurationProperties("feedgram.tokens")
public record TokensProperties(
        @DefaultValue("0 0 3 * * ?") String refreshCron,
        @DefaultValue("20d") Duration refreshWindow,
        @DefaultValue("24h") Duration minAge) {
}
