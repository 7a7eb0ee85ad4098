package io.feedgram.monitoring;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Running totals over the posts' history, the append-only record of every move: lines by account and
 * status, accepted-to-published and containers-to-ready durations by kind. The first read takes the whole
 * history, each later one only what was written since, so every replica reports the same totals, from the
 * first post on. Not thread-safe: {@link PostMetrics} reads under its lock.
 */
final class PostHistoryTally {

    /**
     * Lines are read again this far back from the newest seen: a transaction that wrote an older timestamp
     * may commit after a newer one was read. Ids seen within it are not counted twice.
     */
    private static final Duration OVERLAP = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    final Map<LineKey, Long> lines = new TreeMap<>();
    final Map<String, Durations> publishDelay = new TreeMap<>();
    final Map<String, Durations> processing = new TreeMap<>();
    private final Map<Long, Instant> recent = new HashMap<>();
    private Instant newest = Instant.EPOCH;
    /**
     * The highest id of a line older than the overlap: a line with a lower id was written before it,
     * so is older still. Bounding the read by the primary key too spares a scan of the whole table.
     */
    private long settledId;

    PostHistoryTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account and status of a history line. */
    record LineKey(String account, String status) implements Comparable<LineKey> {
        @Override
        public int compareTo(LineKey other) {
            int byAccount = account.compareTo(other.account);
            return byAccount != 0 ? byAccount : status.compareTo(other.status);
        }
    }

    void readNew() {
        Instant since = newest.minus(OVERLAP);
        // A post's first READY line carries when its containers were first created: its processing time.
        jdbc.sql("""
                select h.id, h.status, h.at, p.account_id, p.kind, p.created_at,
                       case when h.status = 'READY' and h.id = (select min(r.id) from post_history r
                                                                  where r.post_id = h.post_id and r.status = 'READY')
                            then (select min(c.at) from post_history c
                                  where c.post_id = h.post_id and c.status = 'CONTAINERS_CREATED') end as containers_at
                from post_history h join post p on p.id = h.post_id
                where h.id > ? and h.at >= ?""")
                .params(settledId, at(since))
                .query(rs -> {
                    Instant lineAt = instant(rs, "at");
                    if (recent.putIfAbsent(rs.getLong("id"), lineAt) != null) {
                        return;
                    }
                    newest = lineAt.isAfter(newest) ? lineAt : newest;
                    String status = rs.getString("status");
                    lines.merge(new LineKey(rs.getString("account_id"), status), 1L, Long::sum);
                    String kind = rs.getString("kind");
                    if (status.equals("PUBLISHED")) {
                        publishDelay.computeIfAbsent(kind, k -> new Durations())
                                .add(Duration.between(instant(rs, "created_at"), lineAt));
                    }
                    Instant containersAt = instant(rs, "containers_at");
                    if (containersAt != null) {
                        processing.computeIfAbsent(kind, k -> new Durations()).add(Duration.between(containersAt, lineAt));
                    }
                });
        Instant forget = newest.minus(OVERLAP);
        recent.entrySet().removeIf(line -> {
            boolean settled = line.getValue().isBefore(forget);
            settledId = settled ? Math.max(settledId, line.getKey()) : settledId;
            return settled;
        });
    }
}
