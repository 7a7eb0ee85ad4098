package io.feedgram.postgres;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.FeedgramApplication;
import io.feedgram.testing.FeedgramProcess;
import io.feedgram.testing.SandboxControl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 11, point 2: three Feedgram processes on one PostgreSQL, against Instagram (the sandbox, in this
 * JVM, so that what it saw outlives every kill). They start at the same moment on an empty database,
 * three times. In the last round posts of every kind over several accounts are submitted to
 * all three in waves, and after each wave a random replica is killed with SIGKILL while posts are queued,
 * processing and ready, and started again. Then, from what Instagram saw: every post published exactly
 * once; each account's publishes at least the minimum interval apart (so never two in flight); each feed
 * polled by one replica at a time; the token refresh fired once per schedule across the cluster; and after
 * each kill, every account that had a post ready published again within {@link #MAX_ACCOUNT_STALL}.
 *
 * <p>Heavy (four JVMs on a small machine, about three minutes): part of {@code mvn test}, and tagged {@code replicas}
 * so that {@code mvn -Preplicas test} runs it alone. Logs are in target/replicas-test/. Knobs (system properties):
 * {@code replicas.posts}, {@code replicas.kills}, {@code replicas.start-rounds}, {@code replicas.max-account-stall} (ISO-8601, default PT30S),
 * {@code replicas.lease} (passed as feedgram.publishing.lease; default: Feedgram's own), {@code replicas.seed}.
 */
@Tag("replicas")
class ReplicasTest {

    /** The bound after a kill: a dead replica's accounts publish again within seconds, not after a lease. */
    static final Duration MAX_ACCOUNT_STALL = Duration.parse(System.getProperty("replicas.max-account-stall", "PT30S"));
    static final int POSTS = Integer.getInteger("replicas.posts", 240);
    static final int KILLS = Integer.getInteger("replicas.kills", 4);
    static final int START_ROUNDS = Integer.getInteger("replicas.start-rounds", 3);
    static final int ACCOUNTS = 8;
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** Every Graph answer is held this long, so that an account's publish lock is held much of the time. */
    static final String GRAPH_LATENCY = "300ms";
    static final String REFRESH_CRON = "0/5 * * * * ?";
    static final Duration REFRESH_PERIOD = Duration.ofSeconds(5);
    static final Duration START = Duration.ofMinutes(4);
    static final Duration LOCK_WAIT = Duration.ofSeconds(20);
    static final List<String> FEEDS = List.of("feed-a", "feed-b");
    private static final String API_KEY = "replicas-test-key";
    private static final Path LOGS = Path.of("target", "replicas-test");

    private EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final long seed = Long.getLong("replicas.seed", System.nanoTime());
    private SandboxControl sandbox;
    private String sandboxUrl;
    private PolledFeeds feeds;

    /** A kill, and what the database showed at that moment: post statuses, accounts with a post ready or a publish lock held. */
    record Kill(int replica, Instant at, Set<String> statuses, Set<String> readyAccounts, Set<String> lockedAccounts) {

        Set<String> accountsWithWork() {
            return Stream.concat(readyAccounts.stream(), lockedAccounts.stream()).collect(Collectors.toSet());
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void threeReplicasKilledInTurnPublishEveryPostExactlyOnce() throws Exception {
        long began = System.nanoTime();
        FileSystemUtils.deleteRecursively(LOGS);
        postgres = EmbeddedPostgres.builder().start();
        running.add(postgres::close);
        int sandboxPort = FeedgramProcess.freePort();
        ConfigurableApplicationContext instagram = instagram(sandboxPort);
        running.add(instagram::close);
        sandboxUrl = "http://localhost:" + sandboxPort;
        sandbox = new SandboxControl(sandboxPort);
        feeds = new PolledFeeds(sandboxUrl + "/test-media/", Duration.ofMillis(300));
        running.add(feeds);
        for (String feed : FEEDS) {
            for (int i = 0; i < 2; i++) {
                feeds.addEntry(feed, feed + " entry " + i + " " + run);
            }
        }

        Replicas replicas = startTogetherOnEmptyDatabases();
        JdbcClient db = db("round" + START_ROUNDS);
        Instant refreshesFrom = Instant.now();
        sandbox.clearCalls();
        Map<String, String> expected = new LinkedHashMap<>();   // what Instagram must show once -> its account
        List<Kill> kills = submitInWavesAndKill(replicas, db, expected);

        await("every post published or ended").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                .until(() -> db.sql("select count(*) from post where status not in ('PUBLISHED', 'FAILED', 'SKIPPED', 'CANCELLED')")
                        .query(Integer.class).single() == 0
                        && db.sql("select count(*) from post").query(Integer.class).single()
                        == POSTS + FEEDS.size() * feeds.titles(FEEDS.get(0)).size());
        Instant refreshesTo = Instant.now();
        long refreshCalls = sandbox.calls().path("instagram GET /refresh_access_token").asLong();
        List<Publication> published = Publication.all(sandbox.published());
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        // Exactly once, none lost, each on its own account.
        Map<String, Long> seen = published.stream().collect(Collectors.groupingBy(Publication::key, Collectors.counting()));
        long doubles = seen.values().stream().mapToLong(n -> n - 1).sum();
        List<String> lost = expected.keySet().stream().filter(k -> !seen.containsKey(k)).toList();
        // Pacing: each account's publishes at least the minimum interval apart, whichever replica made them. Each
        // publish call is held GRAPH_LATENCY (less than the interval), so this also means one publish in flight.
        Duration closest = Publication.closestOfOneAccount(published);
        // After a kill, how long each account that had a post ready (or its publish lock held) waited for its next publish.
        List<String> stalls = new ArrayList<>();
        Duration maxStall = Duration.ZERO;
        for (Kill kill : kills) {
            for (String account : kill.accountsWithWork().stream().sorted().toList()) {
                Duration stall = Publication.next(published, igUserId(account), kill.at());
                stalls.add("kill " + (kills.indexOf(kill) + 1) + " " + account + " " + stall.toMillis() / 100 / 10.0 + " s");
                maxStall = stall.compareTo(maxStall) > 0 ? stall : maxStall;
            }
        }
        System.out.println("next publish after each kill: " + stalls);
        long slots = slots(refreshesFrom, refreshesTo);
        int fromFeeds = FEEDS.size() * feeds.titles(FEEDS.get(0)).size();
        System.out.printf("""
                replicas: %d posts + %d from feeds (%d media expected, %d published), %d kills, %d doubles, %d lost, \
                took %d s, max account stall after a kill %.1f s (bound %d s), closest publishes of one account %d ms, \
                token refreshes %d for %d accounts over %d schedules, feed polls %s (longest gap %d s), seed %d%n""",
                POSTS, fromFeeds, expected.size(), published.size(), kills.size(), doubles, lost.size(), took.toSeconds(),
                maxStall.toMillis() / 1e3, MAX_ACCOUNT_STALL.toSeconds(), closest.toMillis(), refreshCalls, ACCOUNTS,
                slots, FEEDS.stream().map(f -> f + "=" + feeds.polls(f).size()).toList(), longestPollGap().toSeconds(), seed);

        assertThat(db.sql("select status, count(*) from post group by status").query().listOfRows())
                .as("every post ended PUBLISHED").allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PUBLISHED"));
        assertThat(lost).as("lost").isEmpty();
        assertThat(seen).as("published more than once").allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
        assertThat(seen.keySet()).as("published and never submitted").isSubsetOf(expected.keySet());
        assertThat(published).as("published on the post's own account")
                .allSatisfy(p -> assertThat(p.igUserId()).as(p.key()).isEqualTo(igUserId(expected.get(p.key()))));
        assertThat(kills).as("kills with posts queued, processing and ready").hasSize(KILLS)
                .allSatisfy(k -> assertThat(k.statuses()).contains("QUEUED", "CONTAINERS_CREATED", "READY"));
        assertThat(closest).as("least time between two publishes of one account").isGreaterThanOrEqualTo(MIN_INTERVAL);
        for (String feed : FEEDS) {
            List<PolledFeeds.Poll> polls = feeds.polls(feed).stream()
                    .sorted(Comparator.comparing(PolledFeeds.Poll::started)).toList();
            assertThat(polls).as("polls of %s", feed).hasSizeGreaterThan(3);
            for (int i = 1; i < polls.size(); i++) {
                assertThat(polls.get(i).started()).as("%s poll %d starts after poll %d was answered", feed, i, i - 1)
                        .isAfterOrEqualTo(polls.get(i - 1).answered());
            }
        }
        // Quartz clustering: one refresh of each account per schedule, not one per replica (three times as many).
        assertThat(refreshCalls).as("token refreshes over %d schedules of %d accounts", slots, ACCOUNTS)
                .isBetween(ACCOUNTS * (slots / 2), ACCOUNTS * (slots + 1));
        // A replica that takes the trigger before its routes run fails the job, and that schedule is lost.
        assertThat(logLines("Failed to execute CamelJob")).as("refresh jobs that failed on a replica").isEmpty();
        // A replica killed while it held an account's publish lock or a post's claim leaves them until the lease
        // runs out: short leases renewed by a heartbeat (feedgram.publishing.lease, 15 s) bound that wait.
        assertThat(maxStall).as("longest wait of an account with a post ready after a kill").isLessThanOrEqualTo(MAX_ACCOUNT_STALL);
    }

    /** Three replicas started at the same moment on an empty database, {@link #START_ROUNDS} times; the last ones run on. */
    private Replicas startTogetherOnEmptyDatabases() {
        Replicas replicas = null;
        for (int round = 1; round <= START_ROUNDS; round++) {
            JdbcClient db = freshDatabase("round" + round);
            sandbox.reset();
            feeds.forgetPolls();
            replicas = replicas(round);
            running.add(replicas);
            long started = System.nanoTime();
            replicas.startTogether(START);
            System.out.printf("round %d: three replicas started together on an empty database in %.1f s%n",
                    round, (System.nanoTime() - started) / 1e9);
            assertThat(db.sql("select count(*) from account").query(Integer.class).single()).isEqualTo(ACCOUNTS);
            assertThat(db.sql("select count(*) from account_state").query(Integer.class).single()).isEqualTo(ACCOUNTS);
            assertThat(db.sql("select count(*) from feed_state").query(Integer.class).single()).isEqualTo(FEEDS.size());
            assertThat(db.sql("select count(*) from qrtz_triggers").query(Integer.class).single())
                    .as("one token refresh trigger for the cluster").isEqualTo(1);
            if (round < START_ROUNDS) {
                replicas.killAll();
            }
        }
        return replicas;
    }

    /**
     * Posts (and feed entries) in waves spread over the replicas; after each wave but the last, a replica is
     * killed while posts are in every in-flight state, and started again. Fills {@code expected}.
     */
    private List<Kill> submitInWavesAndKill(Replicas replicas, JdbcClient db, Map<String, String> expected) throws Exception {
        List<Kill> kills = new ArrayList<>();
        int waves = KILLS + 1;
        for (int wave = 0; wave < waves; wave++) {
            for (int i = wave * POSTS / waves; i < (wave + 1) * POSTS / waves; i++) {
                expected.putAll(submit(replicas.next(i), i));
            }
            for (String feed : FEEDS) {
                feeds.addEntry(feed, feed + " entry " + (wave + 2) + " " + run);
            }
            if (wave == waves - 1) {
                break;
            }
            // Posts in every in-flight state, and preferably several accounts' publish locks held: with three
            // replicas, the one killed then most likely holds one of them.
            Instant lockWaitEnds = Instant.now().plus(LOCK_WAIT);
            await("posts queued, processing and ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> statuses(db).containsAll(Set.of("QUEUED", "CONTAINERS_CREATED", "READY"))
                            && (locked(db).size() >= 2 || Instant.now().isAfter(lockWaitEnds)));
            Set<String> statuses = statuses(db);
            Set<String> locked = locked(db);
            Set<String> ready = Set.copyOf(db.sql("select distinct account_id from post where status = 'READY'")
                    .query(String.class).list());
            int victim = replicas.killAny();
            kills.add(new Kill(victim, Instant.now(), statuses, ready, locked));
            System.out.printf("kill %d: replica-%d with posts %s; accounts with a post ready %s, with a publish lock held %s%n",
                    kills.size(), victim, statuses, ready, locked);
            replicas.restart(victim, START);
        }
        for (String feed : FEEDS) {
            feeds.titles(feed).forEach(title -> expected.put(title, accountOfFeed(feed)));
        }
        return kills;
    }

    private Map<String, String> submit(FeedgramProcess replica, int i) throws Exception {
        String account = "acct" + (i % ACCOUNTS);
        String tag = "p" + i + "-" + run;
        String caption = "replicas " + tag;
        Map<String, Object> post = switch (i % 4) {
            case 0 -> Map.of("kind", "FEED", "caption", caption, "media", List.of(media("ok.jpg", tag, "IMAGE")));
            case 1 -> Map.of("kind", "REEL", "caption", caption, "media", List.of(media("clip.mp4", tag, "VIDEO")));
            case 2 -> Map.of("kind", "FEED", "caption", caption,
                    "media", List.of(media("ok.jpg", tag, "IMAGE"), media("clip.mp4", tag, "VIDEO")));
            default -> Map.of("kind", "STORY",
                    "media", List.of(media("story.jpg", tag + "-a", "IMAGE"), media("story.jpg", tag + "-b", "IMAGE")));
        };
        Map<String, Object> body = new LinkedHashMap<>(post);
        body.put("account", account);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(replica.url("/api/v1/posts")))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return i % 4 == 3 ? Map.of(tag + "-a", account, tag + "-b", account) : Map.of(caption, account);
    }

    private Map<String, String> media(String file, String tag, String type) {
        return Map.of("url", sandboxUrl + "/test-media/" + file + "?t=" + tag, "type", type);
    }

    private Replicas replicas(int round) {
        String url = postgres.getJdbcUrl("postgres", "round" + round);
        Function<Integer, List<String>> arguments = replica -> Stream.of(accounts(), feedArguments(), Stream.of(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--feedgram.sandbox.enabled=false", "--feedgram.demo.enabled=false",
                "--feedgram.graph.instagram-url=" + sandboxUrl + "/sandbox/graph.instagram.com",
                "--feedgram.graph.facebook-url=" + sandboxUrl + "/sandbox/graph.facebook.com",
                "--feedgram.security.encryption-key=" + FeedgramProcess.ENCRYPTION_KEY, "--feedgram.api.keys[0]=" + API_KEY,
                "--feedgram.fetch.allowed-private-hosts=localhost", "--feedgram.fetch.check=500ms",
                "--feedgram.media.store=" + dir.resolve("media"),
                "--feedgram.publishing.min-interval=" + MIN_INTERVAL.toMillis() + "ms",
                "--feedgram.publishing.poll-initial-delay=300ms", "--feedgram.publishing.poll-interval=500ms",
                "--feedgram.publishing.poll-max-interval=1s", "--feedgram.publishing.retry-delay=500ms",
                "--feedgram.publishing.retry-max-delay=2s", "--feedgram.publishing.reconcile-interval=500ms",
                "--feedgram.tokens.refresh-cron=" + REFRESH_CRON, "--feedgram.tokens.refresh-window=3650d",
                "--feedgram.tokens.min-age=0s", "--feedgram.tokens.retry-delay=1000"),
                Stream.ofNullable(System.getProperty("replicas.lease")).map(lease -> "--feedgram.publishing.lease=" + lease))
                .flatMap(Function.identity()).toList();
        return new Replicas(3, arguments, LOGS.resolve("round-" + round), new Random(seed + round));
    }

    /** Instagram, in this JVM: its memory of what was published survives every replica. */
    private static ConfigurableApplicationContext instagram(int port) {
        return new SpringApplicationBuilder(FeedgramApplication.class).run(Stream.concat(accounts(), Stream.of(
                "--server.port=" + port, "--feedgram.sandbox.enabled=true", "--feedgram.publishing.enabled=false",
                "--feedgram.demo.enabled=false", "--camel.main.routes-collector-enabled=false",
                "--feedgram.sandbox.processing-delay.image=300ms", "--feedgram.sandbox.processing-delay.video=2s",
                "--feedgram.sandbox.processing-delay.carousel=300ms", "--feedgram.sandbox.latency=" + GRAPH_LATENCY,
                "--feedgram.sandbox.quota-total=1000", "--feedgram.sandbox.oauth.refresh-min-age=0s",
                "--feedgram.security.encryption-key=" + FeedgramProcess.ENCRYPTION_KEY, "--spring.datasource.url=jdbc:h2:mem:replicas-sandbox",
                "--sandbox-test.media=true")).toArray(String[]::new));
    }

    private static Stream<String> accounts() {
        return IntStream.range(0, ACCOUNTS).boxed().flatMap(i -> Stream.of(
                "--feedgram.accounts[" + i + "].id=acct" + i, "--feedgram.accounts[" + i + "].login=instagram",
                "--feedgram.accounts[" + i + "].ig-user-id=" + igUserId(i),
                "--feedgram.accounts[" + i + "].access-token=IGAA-replicas-token-" + i));
    }

    private Stream<String> feedArguments() {
        return IntStream.range(0, FEEDS.size()).boxed().flatMap(i -> Stream.of(
                "--feedgram.feeds[" + i + "].id=" + FEEDS.get(i), "--feedgram.feeds[" + i + "].url=" + feeds.url(FEEDS.get(i)),
                "--feedgram.feeds[" + i + "].account=" + accountOfFeed(FEEDS.get(i)), "--feedgram.feeds[" + i + "].every=2s",
                "--feedgram.feeds[" + i + "].caption={title}", "--feedgram.feeds[" + i + "].backfill=all"));
    }

    private static String accountOfFeed(String feed) {
        return "acct" + FEEDS.indexOf(feed);
    }

    private static String igUserId(int account) {
        return String.format("178414000000009%02d", account);
    }

    private static String igUserId(String account) {
        return igUserId(Integer.parseInt(account.substring("acct".length())));
    }

    private JdbcClient freshDatabase(String name) {
        JdbcClient.create(postgres.getPostgresDatabase()).sql("create database " + name).update();
        return db(name);
    }

    private JdbcClient db(String name) {
        return JdbcClient.create(postgres.getDatabase("postgres", name));
    }

    private static Set<String> statuses(JdbcClient db) {
        return Set.copyOf(db.sql("select distinct status from post").query(String.class).list());
    }

    /** The longest time a feed went unpolled: a replica killed mid-poll leaves the feed's claim for feedgram.fetch.lease. */
    private Duration longestPollGap() {
        return FEEDS.stream().flatMap(feed -> {
            List<Instant> starts = feeds.polls(feed).stream().map(PolledFeeds.Poll::started).sorted().toList();
            return IntStream.range(1, starts.size()).mapToObj(i -> Duration.between(starts.get(i - 1), starts.get(i)));
        }).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    /** The lines of every replica's log, in every round, that contain {@code text}. */
    private static List<String> logLines(String text) throws IOException {
        try (Stream<Path> logs = Files.walk(LOGS)) {
            return logs.filter(Files::isRegularFile).flatMap(log -> {
                try {
                    return Files.readAllLines(log).stream().filter(line -> line.contains(text)).map(line -> log.getFileName() + ": " + line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static Set<String> locked(JdbcClient db) {
        return Set.copyOf(db.sql("select account_id from account_state where publish_lease_owner is not null")
                .query(String.class).list());
    }

    /** How many times the refresh cron fell due between two instants. */
    private static long slots(Instant from, Instant to) {
        Instant first = from.truncatedTo(ChronoUnit.SECONDS);
        return Stream.iterate(first, t -> t.isBefore(to), t -> t.plusSeconds(1))
                .filter(t -> t.isAfter(from) && t.getEpochSecond() % REFRESH_PERIOD.toSeconds() == 0).count();
    }
}
