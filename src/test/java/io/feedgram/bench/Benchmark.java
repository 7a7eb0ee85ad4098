package io.feedgram.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.feedgram.bench.Figures.Feeds;
import io.feedgram.bench.Figures.Inbox;
import io.feedgram.bench.Figures.KindRun;
import io.feedgram.bench.Figures.PolicyRun;
import io.feedgram.bench.Figures.StartUps;
import io.feedgram.bench.Figures.Throughput;

/**
 * The benchmark: {@code mvn -B -Pbench verify} packages the jar and runs this with it. Every part starts the jar as a
 * separate process ({@link FeedgramJar}) against the built-in sandbox, measures, and stops it; the figures are
 * printed and written, with charts, to {@code target/bench/report.md}. Not a test: surefire never runs it.
 *
 * <p>Arguments: the jar, then optionally a comma-separated subset of the parts {@code start-up}, {@code engine},
 * {@code polling}, {@code inbox}, {@code feeds} (default {@code all}).
 */
public final class Benchmark {

    static final Path OUT = Path.of("target", "bench");
    private static final int ENGINE_POSTS = 2_000;
    private static final int ACCOUNTS = 20;
    private static final int LATENCY_ACCOUNTS = 60;
    private static final Duration ENGINE_LIMIT = Duration.ofMinutes(2);
    /** The default first, then the baselines: every status read waits exactly the interval. */
    private static final List<String> POLICIES = List.of("adaptive", "fixed 5s", "fixed 20s", "fixed 30s");

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Set<String> parts = args.length < 2 || args[1].equals("all")
                ? Set.of("start-up", "engine", "polling", "inbox", "feeds")
                : Set.of(args[1].split(","));
        Files.createDirectories(OUT);
        BenchReport report = new BenchReport(OUT, jar, loadAverage());
        try (BlogHost host = new BlogHost()) {
            if (parts.contains("start-up")) {
                report.startUps(new StartUpRuns(jar, OUT, 3).measure());
            }
            if (parts.contains("engine")) {
                // -Dbench.engine-start=readme: started as the README's "Start faster" and the Docker image start it.
                StartUpRuns.Launch launch = "readme".equals(System.getProperty("bench.engine-start", ""))
                        ? StartUpRuns.readmeWay(StartUpRuns.sharedClasses(jar, OUT.resolve("engine-cds")))
                        : new StartUpRuns.Launch(jar, List.of());
                try (BenchDatabase database = BenchDatabase.of(System.getProperty("bench.database", "h2"))) {
                    List<Throughput> runs = new ArrayList<>(throughput(launch, host, database, ACCOUNTS, Duration.ZERO));
                    runs.addAll(throughput(launch, host, database, LATENCY_ACCOUNTS, Duration.ofMillis(300)));
                    report.throughput(runs);
                }
            }
            double idle = Double.NaN;
            if (parts.contains("polling")) {
                List<PolicyRun> policies = new ArrayList<>();
                for (String policy : POLICIES) {
                    Map<String, Object> asked = pollPolicy(policy);
                    List<String> undeclared = undeclared(jar, asked.keySet());
                    try (FeedgramJar feedgram = FeedgramJar.start(jar, OUT.resolve("polling"), List.of(),
                            BenchSettings.engine(ACCOUNTS, host).with(asked).asMap())) {
                        System.out.println("polling: asked for " + asked
                                + (undeclared.isEmpty() ? "" : "; this build does not declare " + undeclared + ", so it ignores them"));
                        EngineRuns engine = new EngineRuns(feedgram.client(), host);
                        // A first round, not counted, so that no kind pays for the JIT's warm-up.
                        engine.perKind(PostKind.IMAGE, ACCOUNTS);
                        List<KindRun> kinds = Arrays.stream(PostKind.values()).map(kind -> engine.perKind(kind, ACCOUNTS)).toList();
                        policies.add(new PolicyRun(policy, undeclared, kinds));
                        if (policy.equals(POLICIES.get(0))) {
                            idle = FeedRun.idleCpuSecondsPerMinute(feedgram, Duration.ofSeconds(30));
                        }
                    }
                }
                report.polling(policies);
            }
            if (parts.contains("inbox")) {
                try (FeedgramJar feedgram = FeedgramJar.start(jar, OUT.resolve("inbox"), List.of(),
                        BenchSettings.engine(ACCOUNTS, host).with("feedgram.publishing.enabled", false).asMap())) {
                    Inbox inbox = new InboxRun(feedgram, host, ACCOUNTS).measure(10_000, 32);
                    report.inbox(inbox);
                }
            }
            if (parts.contains("feeds")) {
                Duration every = Duration.ofMinutes(1);
                try (FeedgramJar feedgram = FeedgramJar.start(jar, OUT.resolve("feeds"), List.of(),
                        BenchSettings.engine(ACCOUNTS, host).feeds(1_000, every, host).asMap())) {
                    Feeds feeds = new FeedRun(feedgram, host).measure(1_000, every, Duration.ofSeconds(60), idle);
                    report.feeds(feeds);
                }
            }
        }
        report.finish(loadAverage());
        System.out.println(report.markdown());
        System.out.println("Written to " + OUT.resolve("report.md").toAbsolutePath());
    }

    /** Two batches in one process: the first in a fresh process, the second as a server that has been up a while. */
    private static List<Throughput> throughput(StartUpRuns.Launch launch, BlogHost host, BenchDatabase database,
                                               int accounts, Duration latency) {
        try (FeedgramJar feedgram = FeedgramJar.start(launch.jar(), OUT.resolve("engine"), launch.jvmOptions(),
                BenchSettings.engine(accounts, host).with(database.settings()).asMap())) {
            EngineRuns engine = new EngineRuns(feedgram.client(), host);
            Supplier<Duration> cpuTime = () -> feedgram.cpuTime().plus(database.cpuTime());
            return Stream.of("fresh process", "second batch").map(batch -> engine.throughput(ENGINE_POSTS, accounts,
                    latency, ENGINE_LIMIT, database.label() + ", " + batch, cpuTime)).toList();
        }
    }

    /** "adaptive", or "fixed 20s": the poll-policy and poll-interval keys the engine rewrite adds. */
    private static Map<String, Object> pollPolicy(String policy) {
        String[] words = policy.split(" ");
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("feedgram.publishing.poll-policy", words[0]);
        if (words.length > 1) {
            keys.put("feedgram.publishing.poll-interval", words[1]);
        }
        return keys;
    }

    /** Those of {@code keys} that the jar's generated configuration metadata does not declare. */
    static List<String> undeclared(Path jar, Collection<String> keys) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            // Spring Boot's repackaged jar keeps the generated metadata in its root META-INF.
            var entry = zip.getEntry("META-INF/spring-configuration-metadata.json");
            Set<String> declared = new HashSet<>();
            if (entry != null) {
                try (InputStream in = zip.getInputStream(entry)) {
                    new ObjectMapper().readTree(in).path("properties").forEach(p -> declared.add(p.path("name").asText()));
                }
            }
            return keys.stream().filter(key -> !declared.contains(key)).toList();
        }
    }

    static String account(int i) {
        return String.format(Locale.ROOT, "bench-%02d", i);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The machine, as the report states it. */
    static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("memory", memory());
        return machine;
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
