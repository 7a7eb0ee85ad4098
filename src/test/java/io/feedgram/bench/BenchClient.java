package io.feedgram.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the benchmark says to a running Feedgram over HTTP: posts through the API, and the sandbox's controls. */
final class BenchClient {

    static final String API_KEY = "bench-key";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    BenchClient(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    boolean isReady() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Submits one post through {@code POST /api/v1/posts}, each media item at a URL of its own so that no post reuses
     * another's prepared media; answers the post's id.
     */
    private String submit(String account, String kind, List<String> mediaUrls, String caption, String unique) {
        List<Map<String, String>> media = IntStream.range(0, mediaUrls.size())
                .mapToObj(i -> Map.of("url", mediaUrls.get(i) + "?b=" + unique + "-" + i)).toList();
        try {
            String body = json.writeValueAsString(Map.of("account", account, "kind", kind, "caption", caption, "media", media));
            return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/posts"))
                    .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)), 202).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One post to submit: its account and kind, and where its media are. */
    record Submission(String account, PostKind kind, List<String> mediaUrls) {
    }

    /** The ids of the posts submitted, in order, each request's latency, and the wall time of the whole. */
    record Submitted(List<String> ids, double[] latenciesMs, double seconds) {
    }

    /** Submits {@code posts} posts from {@code clients} threads, each sending its next request when the last is answered. */
    Submitted submitConcurrently(int posts, int clients, IntFunction<Submission> post) {
        String run = Long.toString(System.nanoTime(), 36);
        String[] ids = new String[posts];
        double[] latencies = new double[posts];
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        long starting = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < posts; i = next.getAndIncrement()) {
                        Submission submission = post.apply(i);
                        long sending = System.nanoTime();
                        ids[i] = submit(submission.account(), submission.kind().apiKind, submission.mediaUrls(),
                                "Benchmark post " + i, run + "-" + i);
                        latencies[i] = (System.nanoTime() - sending) / 1e6;
                    }
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a submission failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            senders.shutdownNow();
        }
        return new Submitted(List.of(ids), latencies, (System.nanoTime() - starting) / 1e9);
    }

    /** How many posts are in {@code status}, counted through the API's pages. */
    int countPosts(String status) {
        int count = 0;
        String cursor = "";
        do {
            JsonNode page = postsPage("&status=" + status + cursor);
            count += page.path("items").size();
            cursor = page.path("next_cursor").isTextual() ? "&cursor=" + URLEncoder.encode(page.path("next_cursor").asText(), StandardCharsets.UTF_8) : "";
        } while (!cursor.isEmpty());
        return count;
    }

    /** The milliseconds each of {@code times} requests for the newest page of the post list took ({@code query} added). */
    double[] timeNewestPage(String query, int times) {
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            postsPage(query);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    /** A page of 100 posts of the list, newest first, {@code query} added to the URL. */
    private JsonNode postsPage(String query) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/posts?limit=100" + query))
                .header("Authorization", "Bearer " + API_KEY).GET(), 200);
    }

    /** A fresh sandbox (no media, no call counts) with these settings over the configured ones. */
    void resetSandbox(String overrides) {
        send(HttpRequest.newBuilder(URI.create(base + "/sandbox/_reset")).POST(HttpRequest.BodyPublishers.noBody()), 200);
        send(HttpRequest.newBuilder(URI.create(base + "/sandbox/_config")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(overrides)), 200);
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), 200);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
