package io.feedgram.web;

import static io.feedgram.system.SqlTime.at;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The header's four figures, read straight from the post table: waiting to start (QUEUED,
 * DEFERRED), in flight (containers made, ready, or a publish being confirmed), and published or
 * failed since midnight UTC (both states are final but for a retry, so their last update is when
 * they were reached). Read-only: posts change only through the publishing engine. The header
 * template asks for them ({@code ${@postTotals.now()}}), so fragments without a header cost nothing.
 */
@Component
class PostTotals {

    /** The header's figures. */
    record Totals(long queued, long inFlight, long publishedToday, long failedToday) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PostTotals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Totals now() {
        Instant midnight = clock.instant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        return new Totals(
                count("select count(*) from post where status in ('QUEUED', 'DEFERRED')"),
                count("select count(*) from post where status in ('CONTAINERS_CREATED', 'READY', 'UNCONFIRMED')"),
                count("select count(*) from post where status = 'PUBLISHED' and updated_at >= ?", midnight),
                count("select count(*) from post where status = 'FAILED' and updated_at >= ?", midnight));
    }

    private long count(String sql, Instant... since) {
        var statement = jdbc.sql(sql);
        for (Instant instant : since) {
            statement = statement.param(at(instant));
        }
        return statement.query(Long.class).single();
    }
}
