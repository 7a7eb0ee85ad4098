package io.feedgram.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.feedgram.post.PostStatus;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The posts as an operator graphs them, read from the database rather than counted by the replica
 * that did the work: every replica reports the same cluster-wide values (aggregate with {@code max},
 * not {@code sum}), a restart loses nothing, and the engine needs no hook. One grouped query for the
 * gauges and the history written since the last read, reused for {@code feedgram.metrics.refresh}.
 * Labels are account ids, statuses and kinds only: never a caption, URL or token.
 */
@Component
public class PostMetrics implements MultiCollector {

    private static final Logger log = LoggerFactory.getLogger(PostMetrics.class);

    private final JdbcClient jdbc;
    private final MetricsProperties properties;
    private final Clock clock;
    private final PostHistoryTally history;
    private MetricSnapshots latest;
    private Instant readAt = Instant.MIN;

    public PostMetrics(JdbcClient jdbc, MetricsProperties properties, Clock clock,
                       ObjectProvider<PrometheusRegistry> registry) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.history = new PostHistoryTally(jdbc);
        // Absent when metrics export is off (as in most tests): nothing is then read.
        registry.ifAvailable(prometheus -> prometheus.register(this));
    }

    @Override
    public synchronized MetricSnapshots collect() {
        Instant now = clock.instant();
        if (latest != null && now.isBefore(readAt.plus(properties.refresh()))) {
            return latest;
        }
        try {
            history.readNew();
            latest = new MetricSnapshots(postsByStatus(), historyLines(),
                    histogram("feedgram_post_publish_delay_seconds",
                            "Time from a post being accepted to it being published, by kind", history.publishDelay),
                    histogram("feedgram_container_processing_seconds",
                            "Time from a post's containers being created to all being ready, by kind", history.processing));
            readAt = now;
        } catch (DataAccessException e) {
            // The database being away is the health check's to report; the scrape keeps its other metrics.
            log.warn("post metrics not read: {}", e.getMessage());
        }
        return latest == null ? new MetricSnapshots() : latest;
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of("feedgram_posts", "feedgram_post_history", "feedgram_post_publish_delay_seconds",
                "feedgram_container_processing_seconds");
    }

    /** Every status of every account, 0 included, so that an alert on a status has a series to watch. */
    private GaugeSnapshot postsByStatus() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        jdbc.sql("select id from account").query(String.class).list()
                .forEach(account -> counts.put(account, new TreeMap<>()));
        jdbc.sql("select account_id, status, count(*) as posts from post group by account_id, status")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("account_id"), a -> new TreeMap<>())
                            .put(rs.getString("status"), rs.getLong("posts"));
                });
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name("feedgram_posts")
                .help("Posts in each status, by account (the same on every replica)");
        counts.forEach((account, byStatus) -> {
            TreeSet<String> statuses = new TreeSet<>(byStatus.keySet());
            for (PostStatus status : PostStatus.values()) {
                statuses.add(status.name());
            }
            statuses.forEach(status -> gauge.dataPoint(GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("account", account, "status", status))
                    .value(byStatus.getOrDefault(status, 0L)).build()));
        });
        return gauge.build();
    }

    private CounterSnapshot historyLines() {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name("feedgram_post_history")
                .help("Lines written to the posts' history, by account and the status they record: moves, and posts made due again");
        history.lines.forEach((key, lines) -> counter.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of("account", key.account(), "status", key.status())).value(lines).build()));
        return counter.build();
    }

    private static HistogramSnapshot histogram(String name, String help, Map<String, Durations> byKind) {
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name(name).help(help);
        byKind.forEach((kind, durations) -> histogram.dataPoint(durations.point(Labels.of("kind", kind))));
        return histogram.build();
    }
}
