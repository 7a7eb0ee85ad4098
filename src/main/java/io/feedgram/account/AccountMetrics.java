package io.feedgram.account;

import java.time.Clock;
import java.time.Duration;
import java.util.function.ToIntFunction;

import io.feedgram.graph.PublishingLimit;
import io.feedgram.graph.PublishingLimits;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per configured account: days until its token expires ({@code feedgram.token.days.left}, absent for a
 * token that never expires or whose expiry is unknown) and its publishing quota as Instagram last reported
 * it ({@code feedgram.account.quota.used} and {@code .limit}). Labelled by account id only.
 */
@Component
class AccountMetrics implements MeterBinder {

    private static final double SECONDS_A_DAY = Duration.ofDays(1).toSeconds();

    private final AccountCredentials credentials;
    private final PublishingLimits limits;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountMetrics(AccountCredentials credentials, PublishingLimits limits, JdbcClient jdbc, Clock clock) {
        this.credentials = credentials;
        this.limits = limits;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String account : credentials.ids()) {
            Gauge.builder("feedgram.token.days.left", () -> daysLeft(account))
                    .description("Days until the account's token expires").tag("account", account).register(registry);
            Gauge.builder("feedgram.account.quota.used", () -> quota(account, PublishingLimit::usage))
                    .description("Posts published within Instagram's quota window, as last read").tag("account", account)
                    .register(registry);
            Gauge.builder("feedgram.account.quota.limit", () -> quota(account, PublishingLimit::total))
                    .description("Posts Instagram allows within the quota window, as last read").tag("account", account)
                    .register(registry);
        }
    }

    private double daysLeft(String account) {
        return credentials.token(account).map(StoredToken::expiresAt)
                .map(expiresAt -> Duration.between(clock.instant(), expiresAt).toSeconds() / SECONDS_A_DAY)
                .orElse(Double.NaN);
    }

    private double quota(String account, ToIntFunction<PublishingLimit> part) {
        String igUserId = jdbc.sql("select ig_user_id from account where id = ?").param(account)
                .query(String.class).optional().orElse(null);
        return limits.latest(igUserId).map(limit -> (double) part.applyAsInt(limit)).orElse(Double.NaN);
    }
}
