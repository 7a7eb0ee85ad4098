package io.feedgram.monitoring;

import java.time.Duration;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/** A histogram of durations in seconds, counted as a Prometheus classic histogram. Not thread-safe. */
final class Durations {

    /** From a second to a day: a post publishes in seconds, a video processes in minutes, a scheduled post waits. */
    static final double[] BOUNDS = {1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400,
            Double.POSITIVE_INFINITY};

    private final long[] counts = new long[BOUNDS.length];
    private double sum;

    void add(Duration duration) {
        double seconds = Math.max(0, duration.toMillis() / 1000.0);
        int bucket = 0;
        while (seconds > BOUNDS[bucket]) {
            bucket++;
        }
        counts[bucket]++;
        sum += seconds;
    }

    HistogramDataPointSnapshot point(Labels labels) {
        return HistogramDataPointSnapshot.builder().labels(labels).sum(sum)
                .classicHistogramBuckets(ClassicHistogramBuckets.of(BOUNDS, counts.clone())).build();
    }
}
