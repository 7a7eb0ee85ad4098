package io.feedgram.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The benchmark's measured figures, one record per part, as the report and the charts read them. */
final class Figures {

    private Figures() {
    }

    /** Nearest-rank percentiles of a sample. */
    record Spread(int count, double median, double p95, double p99, double max) {

        static Spread of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Spread(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
        }

        private static double rank(double[] sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }

    /**
     * Image posts pushed through the engine as fast as it goes.
     *
     * @param publishedAfter seconds from the first submission to each publish, in order (the curve to plot)
     * @param complete       whether every post was published or failed before the run's time bound
     * @param atTheEnd       how many posts were in each state when the run ended, e.g. {@code READY 18}
     */
    /**
     * One engine run. {@code cpuSeconds} is what the Feedgram process (the built-in sandbox included) used from the
     * first submission to the end: on a shared machine a steadier figure than the wall time.
     */
    record Throughput(String label, int accounts, Duration latency, int submitted, int published, int failed,
            boolean complete, double seconds, double submittingSeconds, double cpuSeconds, double[] publishedAfter,
            Map<String, Integer> atTheEnd) {

        double postsPerSecond() {
            return published / seconds;
        }

        /** CPU milliseconds per published post. */
        double cpuMsPerPost() {
            return published == 0 ? Double.NaN : cpuSeconds * 1000 / published;
        }
    }

    /** One kind of post under one poll policy: Graph calls per published post and the ready-to-published lag (ms). */
    record KindRun(PostKind kind, int published, int failed, double callsPerPost, Map<String, Double> callsByShape,
            Spread lagMs) {
    }

    /**
     * The per-kind runs of one Feedgram started with one poll policy.
     *
     * @param policy      what the benchmark asked for, e.g. {@code fixed 20s}
     * @param undeclared  the keys it was asked through that the jar's configuration metadata does not declare, which
     *                    that build therefore ignored
     */
    record PolicyRun(String policy, List<String> undeclared, List<KindRun> kinds) {
    }

    /**
     * Posts submitted by concurrent API clients while publishing is off, then the newest page of the post list (100
     * posts) with them stored, unfiltered and of one account, then the heap they leave.
     */
    record Inbox(int clients, int posts, double seconds, Spread latencyMs, double[] latenciesMs, Spread newestPageMs,
            Spread newestAccountPageMs, long heapBeforeBytes, long heapAfterBytes) {

        double postsPerSecond() {
            return posts / seconds;
        }
    }

    /** Unchanged feeds polled over a measured window of wall time. */
    record Feeds(int feeds, Duration every, double windowSeconds, double cpuSeconds, long notModified, long fullAnswers,
            double idleCpuSecondsPerMinute) {

        double cpuSecondsPerMinute() {
            return cpuSeconds * 60 / windowSeconds;
        }
    }

    /**
     * Start-ups of the packaged jar per way of starting, the first on an empty data folder, then restarts: outside view (process start to readiness UP), the JVM's own
     * figure, and the CPU time used by then, in ms.
     */
    record StartUps(String way, List<Double> readyMs, List<Double> jvmReportedMs, List<Double> cpuMs) {
    }
}
