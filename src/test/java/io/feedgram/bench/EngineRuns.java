package io.feedgram.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.feedgram.bench.BenchClient.Submission;
import io.feedgram.bench.Figures.KindRun;
import io.feedgram.bench.Figures.Spread;
import io.feedgram.bench.Figures.Throughput;

/**
 * The publishing engine against the sandbox, in a running Feedgram: its pace with image posts and instant
 * processing, and per kind of post the Graph calls it spends and how long after a container is ready it publishes.
 * What Instagram did is read from the sandbox ({@code /sandbox/_inspect/published} gives when each container became
 * ready and when it was published; {@code /sandbox/_inspect/calls} counts the Graph calls), never from Feedgram.
 */
final class EngineRuns {

    /** Sandbox processing close to Instagram's, each container its own time: images 0.5-1 s, videos 2.75-3.25 s. */
    static final String REALISTIC_PROCESSING = "{\"processingDelay\": {\"image\": \"PT0.5S\", \"video\": \"PT2.75S\","
            + " \"carousel\": \"PT0.5S\", \"spread\": \"PT0.5S\"}}";
    /** As many as the inbox part uses: an agency's scheduler submitting in parallel. */
    private static final int SUBMITTING_CLIENTS = 32;
    private static final Duration KIND_LIMIT = Duration.ofMinutes(3);

    private final BenchClient client;
    private final BlogHost host;

    EngineRuns(BenchClient client, BlogHost host) {
        this.client = client;
        this.host = host;
    }

    /**
     * Image posts round robin over {@code accounts}, processing instant, every Graph answer held back {@code latency};
     * the rate counts from the first submission to the last publish, or to the end of {@code limit} if the engine
     * has not finished by then (the figure then says so). {@code setting} ends the run's label (database, batch).
     */
    Throughput throughput(int posts, int accounts, Duration latency, Duration limit, String setting,
                          Supplier<Duration> cpuTime) {
        client.resetSandbox(String.format(Locale.ROOT, "{\"latency\": \"%s\", \"processingDelay\": {\"image\": \"PT0S\"}}", latency));
        String label = String.format(Locale.ROOT, "%d images, %d accounts, Graph latency %d ms, %s", posts, accounts,
                latency.toMillis(), setting);
        System.out.println(label + " ...");
        Duration cpuBefore = cpuTime.get();
        Instant first = Instant.now();
        double submitting = client.submitConcurrently(posts, SUBMITTING_CLIENTS,
                i -> submission(PostKind.IMAGE, i % accounts)).seconds();
        Instant deadline = first.plus(limit);
        int published = 0;
        int failed = 0;
        while (published + failed < posts && Instant.now().isBefore(deadline)) {
            FeedgramJar.pause(Duration.ofSeconds(1));
            // The publish calls answered are a cheap upper bound (a refused publish counts too); the list of what was
            // published is read only once they could be enough, so that watching costs the measured process little.
            failed = client.countPosts("FAILED");
            if (publishCalls() + failed >= posts) {
                published = published().size();
            }
        }
        Duration cpu = cpuTime.get().minus(cpuBefore);
        List<Instant> at = published().stream().map(Publish::publishedAt).sorted().toList();
        boolean complete = at.size() + failed >= posts;
        Instant end = complete && !at.isEmpty() ? at.get(at.size() - 1) : deadline;
        double[] after = at.stream().mapToDouble(t -> Duration.between(first, t).toNanos() / 1e9).toArray();
        Map<String, Integer> states = new LinkedHashMap<>();
        for (String state : List.of("QUEUED", "CONTAINERS_CREATED", "READY", "PUBLISHED", "FAILED")) {
            states.put(state, client.countPosts(state));
        }
        return new Throughput(label, accounts, latency, posts, at.size(), failed, complete,
                Duration.between(first, end).toNanos() / 1e9, submitting, cpu.toNanos() / 1e9, after, states);
    }

    /** One post of {@code kind} per account, with realistic processing, in a fresh sandbox. */
    KindRun perKind(PostKind kind, int accounts) {
        client.resetSandbox(REALISTIC_PROCESSING);
        System.out.println("  " + kind.label() + ": " + accounts + " posts ...");
        int publishedBefore = client.countPosts("PUBLISHED");
        int failedBefore = client.countPosts("FAILED");
        client.submitConcurrently(accounts, SUBMITTING_CLIENTS, i -> submission(kind, i));
        Instant deadline = Instant.now().plus(KIND_LIMIT);
        int published = 0;
        int failed = 0;
        // PUBLISHED in Feedgram comes after the permalink read, so every call of the post has been counted by then.
        while (published + failed < accounts && Instant.now().isBefore(deadline)) {
            FeedgramJar.pause(Duration.ofMillis(250));
            published = client.countPosts("PUBLISHED") - publishedBefore;
            failed = client.countPosts("FAILED") - failedBefore;
        }
        Map<String, Double> byShape = new TreeMap<>();
        int perPost = Math.max(1, published);
        client.get("/sandbox/_inspect/calls").fields()
                .forEachRemaining(call -> byShape.put(call.getKey(), call.getValue().asDouble() / perPost));
        double total = byShape.values().stream().mapToDouble(Double::doubleValue).sum();
        double[] lags = published().stream()
                .mapToDouble(p -> Duration.between(p.readyAt(), p.publishedAt()).toNanos() / 1e6).toArray();
        return new KindRun(kind, published, failed, total, byShape, Spread.of(lags));
    }

    private long publishCalls() {
        return client.get("/sandbox/_inspect/calls").properties().stream()
                .filter(call -> call.getKey().endsWith("/media_publish")).mapToLong(call -> call.getValue().asLong()).sum();
    }

    private Submission submission(PostKind kind, int account) {
        return new Submission(Benchmark.account(account), kind, kind.media.stream().map(m -> host.url("/media/" + m)).toList());
    }

    private record Publish(Instant readyAt, Instant publishedAt) {
    }

    private List<Publish> published() {
        List<Publish> all = new ArrayList<>();
        for (JsonNode owner : client.get("/sandbox/_inspect/published")) {
            for (JsonNode media : owner) {
                all.add(new Publish(Instant.parse(media.path("readyAt").asText()),
                        Instant.parse(media.path("publishedAt").asText())));
            }
        }
        return all;
    }
}
