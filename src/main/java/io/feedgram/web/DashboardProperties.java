package io.feedgram.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.dashboard.*}: how long a dashboard sign-in lasts.
 *
 * @param idleTimeout a session unused for this long is ended and the browser must sign in again
 * @param maxAge      a session ends this long after sign-in however busy it is
 */
@ConfigurationProperties("feedgram.dashboard")
public record DashboardProperties(
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("12h") Duration maxAge) {
}
