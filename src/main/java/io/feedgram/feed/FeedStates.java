package io.feedgram.feed;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.feedgram.system.Columns;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Repository;

/**
 * The {@code feed_state} table: which feeds are due (claimed under a lease, so one worker or
 * replica polls a feed at a time), their conditional-GET validators, outcomes and counts.
 */
@Repository
public class FeedStates {

    private static final Logger log = LoggerFactory.getLogger(FeedStates.class);

    private final JdbcClient jdbc;
    private final FeedsProperties properties;
    private final Clock clock;
    private final Environment environment;
    private final MeterRegistry meters;

    public FeedStates(JdbcClient jdbc, FeedsProperties properties, Clock clock, Environment environment,
                      MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.environment = environment;
        this.meters = meters;
    }

    /**
     * Every configured feed gets a state row, due at once the first time. Replicas starting together on an
     * empty database may both find the row missing: the one whose insert comes second finds it there and moves on.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void syncFromConfiguration() {
        Instant now = clock.instant();
        for (FeedConfig feed : properties.feeds()) {
            if (state(feed.id()).isEmpty()) {
                try {
                    jdbc.sql("insert into feed_state (feed_id, next_poll_at, updated_at) values (?, ?, ?)")
                            .params(feed.id(), at(now), at(now)).update();
                } catch (DuplicateKeyException anotherReplicaWasFirst) {
                    log.debug("feed {} was stored by another replica meanwhile", feed.id());
                }
            }
        }
    }

    /** The feeds that are due, each claimed for this poll. */
    public List<FeedPoll> claimDue() {
        Instant now = clock.instant();
        List<FeedPoll> claimed = new ArrayList<>();
        for (FeedConfig feed : properties.feeds()) {
            int won = jdbc.sql("""
                    update feed_state set lease_until = ?
                    where feed_id = ? and next_poll_at <= ? and (lease_until is null or lease_until < ?)""")
                    .params(at(now.plus(properties.fetch().lease())), feed.id(), at(now), at(now)).update();
            if (won == 1) {
                claimed.add(poll(feed));
            }
        }
        return claimed;
    }

    public FeedPoll poll(FeedConfig feed) {
        FeedState state = state(feed.id()).orElseThrow();
        // A URL may name ${local.server.port} (the demo's own feed), known only once the server runs.
        FeedConfig resolved = new FeedConfig(feed.id(), environment.resolvePlaceholders(feed.url()), feed.account(),
                feed.every(), feed.cron(), feed.caption(), feed.kind(), feed.backfill(), feed.includeCategories(),
                feed.excludeCategories(), feed.firstComment());
        return new FeedPoll(resolved, state.etag(), state.lastModified(), state.firstPolledAt() == null, true);
    }

    public Optional<FeedState> state(String feedId) {
        return jdbc.sql("select * from feed_state where feed_id = ?").param(feedId).query(this::map).optional();
    }

    /** Claims one feed for an immediate poll; false while another poll of it holds the lease. */
    public boolean claimNow(String feedId) {
        Instant now = clock.instant();
        return jdbc.sql("update feed_state set lease_until = ? where feed_id = ? and (lease_until is null or lease_until < ?)")
                .params(at(now.plus(properties.fetch().lease())), feedId, at(now)).update() == 1;
    }

    /** Makes a feed due now. */
    public void pollSoon(String feedId) {
        jdbc.sql("update feed_state set next_poll_at = ? where feed_id = ?").params(at(clock.instant()), feedId).update();
    }

    public void notModified(FeedConfig feed) {
        finish(feed, "NOT_MODIFIED", null);
    }

    public void failed(FeedConfig feed, String reason) {
        finish(feed, "ERROR", reason);
    }

    /** A poll that parsed the feed: its validators for next time and what its entries became. */
    public void succeeded(FeedConfig feed, String etag, String lastModified, int entries) {
        Instant now = clock.instant();
        jdbc.sql("""
                update feed_state set etag = ?, last_modified = ?, entries_seen = entries_seen + ?,
                       first_polled_at = coalesce(first_polled_at, ?) where feed_id = ?""")
                .params(etag, lastModified, entries, at(now), feed.id()).update();
        finish(feed, "OK", null);
    }

    /** Counts one entry taken from the feed: a post created, or a skip. */
    public void countEntry(String feedId, boolean posted) {
        jdbc.sql(posted ? "update feed_state set posts_created = posts_created + 1 where feed_id = ?"
                        : "update feed_state set entries_skipped = entries_skipped + 1 where feed_id = ?")
                .param(feedId).update();
    }

    private void finish(FeedConfig feed, String status, String error) {
        Instant now = clock.instant();
        jdbc.sql("""
                update feed_state set last_poll_at = ?, last_status = ?, last_error = ?, polls = polls + 1,
                       next_poll_at = ?, lease_until = null, updated_at = ? where feed_id = ?""")
                .params(at(now), status, Columns.fit(error, 2000),
                        at(nextPoll(feed, now)), at(now), feed.id()).update();
        // The 304 rate is not_modified over all polls: conditional GETs at work.
        meters.counter("feedgram.feed.polls", "feed", feed.id(), "outcome", status.toLowerCase(Locale.ROOT)).increment();
    }

    static Instant nextPoll(FeedConfig feed, Instant after) {
        if (feed.cron() != null && !feed.cron().isBlank()) {
            return CronExpression.parse(feed.cron()).next(after.atOffset(ZoneOffset.UTC)).toInstant();
        }
        return after.plus(feed.every());
    }

    private FeedState map(ResultSet rs, int row) throws SQLException {
        return new FeedState(rs.getString("feed_id"), instant(rs, "next_poll_at"), rs.getString("etag"),
                rs.getString("last_modified"), instant(rs, "first_polled_at"), instant(rs, "last_poll_at"),
                rs.getString("last_status"), rs.getString("last_error"), rs.getInt("polls"), rs.getInt("entries_seen"),
                rs.getInt("posts_created"), rs.getInt("entries_skipped"));
    }
}
