package io.feedgram.bench;

import java.time.Duration;
import java.time.Instant;

import io.feedgram.bench.Figures.Feeds;

/**
 * CPU time Feedgram spends on feeds that do not change. Every feed is configured like a user's (through
 * {@code feedgram.feeds}) and served by the {@link BlogHost}, which answers 304 once Feedgram sends the ETag back.
 * After every feed has had its first, full answer, the process's CPU time is read over a window of wall time.
 */
final class FeedRun {

    private static final Duration FIRST_ROUND_LIMIT = Duration.ofMinutes(4);

    private final FeedgramJar feedgram;
    private final BlogHost host;

    FeedRun(FeedgramJar feedgram, BlogHost host) {
        this.feedgram = feedgram;
        this.host = host;
    }

    Feeds measure(int feeds, Duration every, Duration window, double idleCpuSecondsPerMinute) {
        System.out.println("feeds: " + feeds + " feeds every " + every + ", first round ...");
        Instant deadline = Instant.now().plus(FIRST_ROUND_LIMIT);
        while (host.fullAnswers() < feeds) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + host.fullAnswers() + " of " + feeds + " feeds were read within "
                        + FIRST_ROUND_LIMIT);
            }
            FeedgramJar.pause(Duration.ofSeconds(1));
        }
        System.out.println("feeds: measuring " + window.toSeconds() + " s ...");
        long notModified = host.notModified();
        long full = host.fullAnswers();
        Duration cpu = feedgram.cpuTime();
        long starting = System.nanoTime();
        FeedgramJar.pause(window);
        double seconds = (System.nanoTime() - starting) / 1e9;
        double cpuSeconds = feedgram.cpuTime().minus(cpu).toNanos() / 1e9;
        return new Feeds(feeds, every, seconds, cpuSeconds, host.notModified() - notModified, host.fullAnswers() - full,
                idleCpuSecondsPerMinute);
    }

    /** CPU seconds per minute of a Feedgram with nothing to do, for comparison. */
    static double idleCpuSecondsPerMinute(FeedgramJar feedgram, Duration window) {
        Duration cpu = feedgram.cpuTime();
        long starting = System.nanoTime();
        FeedgramJar.pause(window);
        double seconds = (System.nanoTime() - starting) / 1e9;
        return feedgram.cpuTime().minus(cpu).toNanos() / 1e9 * 60 / seconds;
    }
}
