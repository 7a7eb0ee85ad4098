package io.feedgram.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.feedgram.FeedgramApplication;

/**
 * How fast today's publishing engine is, as "before" figures for the engine speed work. Not a test (no {@code Test}
 * suffix, no {@code @Test}): surefire never runs it. Run it from the repository root, where {@code ./routes} and
 * {@code ./application.yaml} are:
 *
 * <pre>
 * mvn -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx1g -cp %classpath io.feedgram.bench.EngineBenchmark"
 * </pre>
 *
 * Optional arguments after the class name: image posts per throughput run (default 150, so a run at today's pace
 * ends within two minutes) and accounts (default 20).
 *
 * <p>Feedgram starts in this JVM with the shipped configuration, the built-in sandbox as Instagram, an H2 file
 * database under target/bench, 20 accounts, no minimum interval and a sandbox quota nobody reaches; the publishing
 * settings (tick, batch size, poll delays) are the defaults, since they are what is measured. Then:
 * <ul>
 *   <li>throughput: image posts submitted through {@code POST /api/v1/posts} from 8 client threads, round robin over
 *       the accounts, with instant processing in the sandbox, at Graph latency 0 and 300 ms; the rate counts from
 *       the first submission to the last publish the sandbox saw;</li>
 *   <li>per kind (image, reel, carousel of 3 images, image story), one post per account with the sandbox's default
 *       processing delays (1 s per image or carousel, 3 s per video), so status polling matters: Graph calls per
 *       post (counted by the sandbox) against the fewest that can do, and the lag from the container being ready
 *       (the sandbox knows when processing ended) to its publish.</li>
 * </ul>
 * The table is printed and written to target/bench/engine.md.
 */
public final class EngineBenchmark {

    private static final Path OUT = Path.of("target", "bench");
    private static final String API_KEY = "bench-key";
    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final int CLIENT_THREADS = 8;
    private static final Duration RUN_LIMIT = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENT_THREADS)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final JdbcClient db;
    private final String base;
    private final int accounts;

    /** What a post is made of, and the fewest Graph calls that publish it and read its permalink. */
    enum Kind {
        IMAGE("FEED", 3, "ok.jpg"),
        REEL("REEL", 4, "clip.mp4"),
        CAROUSEL("FEED", 7, "ok.jpg", "ok.jpg", "ok.jpg"),
        STORY("STORY", 3, "story.jpg");

        final String apiKind;
        /** Creates, a status read for what takes processing time (videos, carousels), publish, permalink. */
        final int minimumCalls;
        final List<String> media;

        Kind(String apiKind, int minimumCalls, String... media) {
            this.apiKind = apiKind;
            this.minimumCalls = minimumCalls;
            this.media = List.of(media);
        }
    }

    record Run(String label, int posts, int failed, double seconds, Lag lag) {
        double rate() {
            return posts / seconds;
        }
    }

    record Lag(double medianMs, double p95Ms) {
    }

    record KindRun(Kind kind, int posts, int failed, double callsPerPost, Map<String, Double> callsByShape, Lag lag) {
    }

    record Published(Instant readyAt, Instant publishedAt) {
    }

    EngineBenchmark(ConfigurableApplicationContext context, int accounts) {
        this.db = context.getBean(JdbcClient.class);
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        this.accounts = accounts;
    }

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        FileSystemUtils.deleteRecursively(OUT.resolve("data"));
        Files.createDirectories(OUT);
        String machine = String.format(Locale.ROOT, "%d processors, Java %s (%s), %s %s, max heap %d MiB",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() >> 20);

        long starting = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FeedgramApplication.class)
                .run(arguments(accounts));
        double startUp = (System.nanoTime() - starting) / 1e9;
        try {
            EngineBenchmark bench = new EngineBenchmark(context, accounts);
            List<Run> runs = List.of(bench.throughput(posts, Duration.ZERO), bench.throughput(posts, Duration.ofMillis(300)));
            List<KindRun> kinds = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                kinds.add(bench.perKind(kind));
            }
            String report = report(machine, startUp, accounts, runs, kinds);
            System.out.println(report);
            Files.writeString(OUT.resolve("engine.md"), report);
        } finally {
            context.close();
        }
        // The HTTP client's pool and Quartz's leftovers are not daemons; the report is written.
        System.exit(0);
    }

    private static String[] arguments(int accounts) {
        Path data = OUT.resolve("data").toAbsolutePath();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("feedgram") + ";WRITE_DELAY=0",
                "--feedgram.media.store=" + data.resolve("media"),
                "--feedgram.security.encryption-key=" + KEY,
                "--feedgram.api.keys[0]=" + API_KEY,
                "--feedgram.demo.enabled=false",
                "--feedgram.sandbox.enabled=true",
                "--feedgram.sandbox.fetch-media=false",
                "--feedgram.sandbox.quota-total=1000000",
                "--feedgram.publishing.min-interval=0s",
                // The sandbox's test media controller serves the JPEGs and the MP4 the posts point at.
                "--sandbox-test.media=true",
                // The shipped demo feed names the demo account, which the bench's accounts replace.
                "--feedgram.feeds[0].id=bench-idle",
                "--feedgram.feeds[0].url=http://localhost:9/feed.xml",
                "--feedgram.feeds[0].account=bench-00",
                "--feedgram.feeds[0].every=24h",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // That feed's failed fetch is expected; anything else at WARN is worth seeing.
                "--logging.level.io.feedgram.feed=ERROR"));
        for (int i = 0; i < accounts; i++) {
            String prefix = "--feedgram.accounts[" + i + "].";
            args.add(prefix + "id=" + account(i));
            args.add(prefix + "login=instagram");
            args.add(prefix + "ig-user-id=" + igUserId(i));
            args.add(prefix + "access-token=IGAA-bench-" + i);
        }
        return args.toArray(String[]::new);
    }

    private static String account(int i) {
        return String.format(Locale.ROOT, "bench-%02d", i);
    }

    private static String igUserId(int i) {
        return String.valueOf(17841400000100000L + i);
    }

    /** Image posts with instant processing, to see the engine's own pace at a given Graph latency. */
    Run throughput(int posts, Duration latency) throws Exception {
        prepareSandbox("{\"latency\": \"" + latency + "\", \"processingDelay\": {\"image\": \"PT0S\"}}");
        String label = "images, latency " + latency.toMillis() + " ms";
        System.out.println(label + ": " + posts + " posts");
        Instant first = Instant.now();
        List<String> ids = submit(posts, Kind.IMAGE, label);
        int failed = awaitSettled(ids);
        List<Published> published = published();
        Instant last = published.stream().map(Published::publishedAt).max(Instant::compareTo).orElse(first);
        return new Run(label, published.size(), failed, Duration.between(first, last).toNanos() / 1e9, lag(published));
    }

    /** One post of {@code kind} per account, with the sandbox's default processing delays. */
    KindRun perKind(Kind kind) throws Exception {
        prepareSandbox("{}");
        System.out.println(kind + ": " + accounts + " posts");
        int failed = awaitSettled(submit(accounts, kind, kind.name()));
        List<Published> published = published();
        JsonNode calls = control("GET", "/sandbox/_inspect/calls");
        Map<String, Double> byShape = new TreeMap<>();
        calls.fields().forEachRemaining(e -> byShape.put(e.getKey(), e.getValue().asDouble() / published.size()));
        double total = byShape.values().stream().mapToDouble(Double::doubleValue).sum();
        return new KindRun(kind, published.size(), failed, total, byShape, lag(published));
    }

    /** A fresh sandbox (no media, no call counts, configured settings) with these overrides. */
    private void prepareSandbox(String overrides) {
        control("POST", "/sandbox/_reset");
        send(HttpRequest.newBuilder(URI.create(base + "/sandbox/_config")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(overrides)), 200);
    }

    private List<String> submit(int posts, Kind kind, String label) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        ExecutorService senders = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                int n = i;
                ids.add(senders.submit(() -> submitOne(kind, account(n % accounts), label + " #" + n, run + "-" + n)));
            }
            List<String> submitted = new ArrayList<>();
            for (Future<String> id : ids) {
                submitted.add(id.get());
            }
            return submitted;
        } finally {
            senders.shutdown();
        }
    }

    private String submitOne(Kind kind, String account, String caption, String unique) throws IOException {
        // A URL of its own per item, so no post reuses another's prepared media.
        List<Map<String, String>> media = IntStream.range(0, kind.media.size())
                .mapToObj(i -> Map.of("url", base + "/test-media/" + kind.media.get(i) + "?b=" + unique + "-" + i))
                .toList();
        String body = json.writeValueAsString(Map.of("account", account, "kind", kind.apiKind, "caption", caption,
                "media", media));
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/posts"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 202);
        return answer.path("id").asText();
    }

    /** Waits until every post is PUBLISHED or FAILED, and answers how many failed. */
    private int awaitSettled(List<String> ids) {
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        String sql = "select count(*) from post where status = ? and id in (" + in + ")";
        await().atMost(RUN_LIMIT).pollInterval(Duration.ofMillis(100)).until(
                () -> count(sql, "PUBLISHED", ids) + count(sql, "FAILED", ids) == ids.size());
        return count(sql, "FAILED", ids);
    }

    private int count(String sql, String status, List<String> ids) {
        return db.sql(sql).params(Stream.concat(Stream.of(status), ids.stream()).toList()).query(Integer.class).single();
    }

    private List<Published> published() {
        List<Published> all = new ArrayList<>();
        control("GET", "/sandbox/_inspect/published").forEach(owner -> owner.forEach(media -> all.add(new Published(
                Instant.parse(media.path("readyAt").asText()), Instant.parse(media.path("publishedAt").asText())))));
        return all;
    }

    private static Lag lag(List<Published> published) {
        double[] millis = published.stream()
                .mapToDouble(p -> Duration.between(p.readyAt(), p.publishedAt()).toNanos() / 1e6).sorted().toArray();
        return millis.length == 0 ? new Lag(Double.NaN, Double.NaN) : new Lag(percentile(millis, 50), percentile(millis, 95));
    }

    private static double percentile(double[] sorted, int percent) {
        // nearest rank
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private JsonNode control(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()), 200);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
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

    private static String report(String machine, double startUp, int accounts, List<Run> runs, List<KindRun> kinds) {
        StringBuilder out = new StringBuilder();
        out.append("# Engine benchmark\n\n").append(machine).append("\n\n");
        out.append(String.format(Locale.ROOT, "Application context start-up (SpringApplicationBuilder.run to ready): %.1f s%n%n",
                startUp));
        out.append(String.format(Locale.ROOT, "Throughput: image posts over %d accounts, processing instant, default tick"
                + " and batch size, first submission to last publish%n%n", accounts));
        out.append("| run | posts published | failed | seconds | posts/s | ready→published median ms | p95 ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Run run : runs) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.2f | %.0f | %.0f |%n", run.label(),
                    run.posts(), run.failed(), run.seconds(), run.rate(), run.lag().medianMs(), run.lag().p95Ms()));
        }
        out.append("\nProcessing is instant here, so ready→published is mostly the wait behind the other posts in the queue.\n");
        out.append(String.format(Locale.ROOT, "%nPer kind: one post per account (%d), sandbox default processing delays"
                + " (image 1 s, video 3 s, carousel 1 s), latency 0%n%n", accounts));
        out.append("| kind | posts | failed | Graph calls/post | minimum | ready→published median ms | p95 ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (KindRun kind : kinds) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %d | %.0f | %.0f |%n",
                    kind.kind().name().toLowerCase(Locale.ROOT), kind.posts(), kind.failed(), kind.callsPerPost(),
                    kind.kind().minimumCalls, kind.lag().medianMs(), kind.lag().p95Ms()));
        }
        out.append("\nGraph calls per post by path shape:\n\n| kind | call | per post |\n|---|---|---:|\n");
        for (KindRun kind : kinds) {
            kind.callsByShape().forEach((shape, perPost) -> out.append(String.format(Locale.ROOT, "| %s | `%s` | %.2f |%n",
                    kind.kind().name().toLowerCase(Locale.ROOT), shape, perPost)));
        }
        return out.toString();
    }
}
