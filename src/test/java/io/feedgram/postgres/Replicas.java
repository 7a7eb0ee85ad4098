package io.feedgram.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.feedgram.testing.FeedgramProcess;

/**
 * Three Feedgram processes on one database: started at the same moment, killed one at a time with
 * SIGKILL and started again. {@code arguments} gives each replica its command-line arguments from its index.
 */
final class Replicas implements AutoCloseable {

    private final List<FeedgramProcess> processes = new ArrayList<>();
    private final List<Integer> runs = new ArrayList<>();
    private final Random random;

    Replicas(int count, Function<Integer, List<String>> arguments, Path logs, Random random) {
        this.random = random;
        for (int i = 0; i < count; i++) {
            processes.add(new FeedgramProcess("replica-" + i, "512m", arguments.apply(i), logs));
            runs.add(0);
        }
    }

    /** Starts every replica at once (no replica waits for another), then waits until all are healthy. */
    void startTogether(Duration atMost) {
        for (int i = 0; i < processes.size(); i++) {
            start(i);
        }
        CompletableFuture.allOf(processes.stream()
                .map(p -> CompletableFuture.runAsync(() -> p.awaitHealthy(atMost))).toArray(CompletableFuture[]::new))
                .join();
    }

    /** Kills a replica chosen at random with SIGKILL and returns its index. */
    int killAny() {
        int victim = random.nextInt(processes.size());
        assertThat(processes.get(victim).kill()).as("exit status of SIGKILLed replica-%d", victim).isEqualTo(137);
        return victim;
    }

    void restart(int index, Duration atMost) {
        start(index);
        processes.get(index).awaitHealthy(atMost);
    }

    /** A replica that runs, for a request; they take turns so that every replica gets its share. */
    FeedgramProcess next(int turn) {
        for (int i = 0; i < processes.size(); i++) {
            FeedgramProcess candidate = processes.get((turn + i) % processes.size());
            if (candidate.isAlive()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no replica runs");
    }

    void killAll() {
        processes.forEach(FeedgramProcess::stop);
    }

    private void start(int index) {
        runs.set(index, runs.get(index) + 1);
        FeedgramProcess process = processes.get(index);
        process.start(process.name() + "-run-" + runs.get(index));
    }

    @Override
    public void close() {
        killAll();
    }
}
