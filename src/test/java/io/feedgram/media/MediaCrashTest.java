package io.feedgram.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.FeedgramApplication;
import io.feedgram.testing.FeedgramProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A Feedgram process is killed (SIGKILL) while it converts 50-megapixel originals, and started again
 * on the same database and media store: every post is published exactly once, every item is
 * converted at most once, and the store holds exactly one copy per converted item. Instagram (the
 * sandbox) runs in this JVM so that what it saw outlives the kill; the Feedgram process serves the
 * originals itself ({@link CrashMediaController}). Each run's output is in target/media-crash-test/.
 */
class MediaCrashTest {

    private static final String API_KEY = "crash-test-key";
    /** The demo account of application.yaml, which both applications read from the working directory. */
    private static final String DEMO_IG_USER = "17841400000000001";
    private static final Path LOGS = Path.of("target", "media-crash-test");
    private static final Duration HEALTHY = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ConfigurableApplicationContext instagram;
    private FeedgramProcess feedgram;
    private int port;
    private final long started = System.nanoTime();

    record Row(String postId, int position, String storedFile, Timestamp preparedAt, String note) {
    }

    @AfterEach
    void stop() {
        if (feedgram != null) {
            feedgram.stop();
        }
        if (instagram != null) {
            instagram.close();
        }
    }

    @Test
    void aConversionKilledMidwayIsResumedAndNothingIsConvertedOrPublishedTwice() throws Exception {
        int sandboxPort = FeedgramProcess.freePort();
        CompletableFuture<Void> originals = CompletableFuture.runAsync(this::drawOriginals);
        feedgram = new FeedgramProcess("Feedgram", "1g", arguments(sandboxPort), LOGS).start("run-1");
        port = feedgram.port();
        instagram = instagram(sandboxPort);
        phase("Instagram started");
        originals.join();
        phase("originals drawn");
        feedgram.awaitHealthy(HEALTHY);
        phase("Feedgram run 1 healthy");

        // 4 posts, 6 items, each a 50-megapixel original that must be converted.
        Map<String, String> captions = new LinkedHashMap<>();   // post id -> its caption, unique to this run
        String run = UUID.randomUUID().toString();
        List<List<String>> media = List.of(List.of("big.png"), List.of("wide.jpg"),
                List.of("big.png", "wide.jpg"), List.of("wide.jpg", "big.png"));
        for (int i = 0; i < media.size(); i++) {
            String caption = "crash " + i + " " + run;
            captions.put(submit(caption, media.get(i)), caption);
        }
        int items = media.stream().mapToInt(List::size).sum();

        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(databaseUrl(), "sa", ""));
        // Killed while an item is converting (its name reserved, nothing recorded) and another is recorded: a
        // carousel records its first item before it reserves the second, so this moment always comes.
        await("a conversion in progress after one recorded").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .failFast("the first Feedgram process ended", () -> !feedgram.isAlive())
                .until(() -> rows(db), rows -> rows.stream().anyMatch(r -> r.storedFile() != null && r.preparedAt() == null)
                        && rows.stream().anyMatch(r -> r.preparedAt() != null));
        phase("a conversion in progress");
        assertThat(feedgram.kill()).as("exit status of a SIGKILLed JVM").isEqualTo(137);

        List<Row> atKill = rows(db);
        Set<String> storeAtKill = names(store());
        List<String> tmpAtKill = List.copyOf(names(store().resolve("tmp")));
        Map<String, Row> recordedAtKill = atKill.stream().filter(r -> r.preparedAt() != null)
                .collect(Collectors.toMap(r -> r.postId() + "/" + r.position(), r -> r));
        List<Row> interrupted = atKill.stream().filter(r -> r.storedFile() != null && r.preparedAt() == null).toList();
        long finishedBeforeKill = interrupted.stream().filter(r -> storeAtKill.contains(r.storedFile())).count();
        System.out.printf("at the kill: %d of %d items recorded, %d reserved and unrecorded (%d of them with their file),"
                + " store %s, tmp %s (%d bytes)%n", recordedAtKill.size(), items, interrupted.size(), finishedBeforeKill,
                storeAtKill, tmpAtKill, bytes(store().resolve("tmp")));
        // Only complete copies ever have a final name (written in tmp/, then moved).
        storeAtKill.stream().filter(name -> name.endsWith(".jpg")).forEach(name -> assertThat(decodes(store().resolve(name)))
                .as("%s in the store at the kill is a whole JPEG", name).isTrue());

        feedgram.start("run-2");
        feedgram.awaitHealthy(HEALTHY);
        phase("Feedgram run 2 healthy");
        await("every post PUBLISHED").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .failFast("the second Feedgram process ended", () -> !feedgram.isAlive())
                .until(() -> db.sql("select status from post").query(String.class).list(), s -> s.size() == captions.size()
                        && s.stream().allMatch("PUBLISHED"::equals));

        phase("every post PUBLISHED");
        // Instagram saw each post exactly once.
        List<String> published = new ArrayList<>();
        get("http://localhost:" + sandboxPort + "/sandbox/_inspect/published").path(DEMO_IG_USER)
                .forEach(view -> published.add(view.path("params").path("caption").asText()));
        assertThat(published).as("captions of the media Instagram published").containsExactlyInAnyOrderElementsOf(captions.values());
        // Every item converted and recorded; the store holds exactly their copies, each a whole JPEG.
        List<Row> after = rows(db);
        assertThat(after).hasSize(items).allSatisfy(r -> {
            assertThat(r.preparedAt()).isNotNull();
            assertThat(r.storedFile()).isNotNull();
        });
        assertThat(names(store())).filteredOn(name -> !name.equals("tmp"))
                .containsExactlyInAnyOrderElementsOf(after.stream().map(Row::storedFile).toList());
        after.forEach(r -> assertThat(decodes(store().resolve(r.storedFile()))).as(r.storedFile()).isTrue());
        // What was recorded before the kill was left alone; a copy finished but unrecorded was reused, not redone.
        for (Row r : after) {
            Row before = recordedAtKill.get(r.postId() + "/" + r.position());
            if (before != null) {
                assertThat(r).as("item recorded before the kill").isEqualTo(before);
            }
        }
        for (Row r : interrupted) {
            Row now = after.stream().filter(a -> a.postId().equals(r.postId()) && a.position() == r.position()).findFirst().orElseThrow();
            assertThat(now.storedFile()).as("the reserved name is kept").isEqualTo(r.storedFile());
            if (storeAtKill.contains(r.storedFile())) {
                assertThat(now.note()).isEqualTo("converted before a restart");
            }
        }
        // At most once: the second process converted only what the first had not finished.
        assertThat(conversions()).as("conversions by the second process")
                .isEqualTo(items - recordedAtKill.size() - finishedBeforeKill);
        // tmp/ holds nothing of the second run. The first run's scratch files (downloads, and a copy it was
        // writing) stay, never under a final name, until media-expired-copies sweeps those older than six hours.
        assertThat(names(store().resolve("tmp"))).as("tmp/ after the restart").isSubsetOf(tmpAtKill)
                .allSatisfy(name -> assertThat(name).matches("(download|copy)-.*\\.part"));
    }

    private void phase(String what) {
        System.out.printf("%5.1f s: %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    private List<String> arguments(int sandboxPort) {
        String sandbox = "http://localhost:" + sandboxPort + "/sandbox/";
        return List.of("--spring.datasource.url=" + databaseUrl(),
                "--feedgram.media.store=" + store(),
                "--feedgram.sandbox.enabled=true",
                "--feedgram.graph.instagram-url=" + sandbox + "graph.instagram.com",
                "--feedgram.graph.facebook-url=" + sandbox + "graph.facebook.com",
                "--feedgram.demo.enabled=false",
                "--feedgram.api.keys[0]=" + API_KEY,
                "--feedgram.security.encryption-key=" + FeedgramProcess.ENCRYPTION_KEY,
                "--feedgram.publishing.min-interval=0s",
                // The killed process's claims block its posts for this long after the kill.
                "--feedgram.publishing.lease=5s",
                "--feedgram.publishing.poll-initial-delay=200ms", "--feedgram.publishing.poll-interval=300ms",
                "--feedgram.publishing.poll-max-interval=1s", "--feedgram.publishing.retry-delay=500ms",
                "--feedgram.publishing.retry-max-delay=2s",
                "--management.endpoints.web.exposure.include=health,metrics",
                "--crash-test.media-dir=" + dir.resolve("originals"));
    }

    /** Instagram, in this JVM: its memory of what was published survives the Feedgram process. */
    private static ConfigurableApplicationContext instagram(int sandboxPort) {
        return new SpringApplicationBuilder(FeedgramApplication.class).run("--server.port=" + sandboxPort,
                "--feedgram.sandbox.enabled=true", "--feedgram.publishing.enabled=false", "--feedgram.demo.enabled=false",
                "--feedgram.sandbox.processing-delay.image=300ms", "--feedgram.sandbox.processing-delay.carousel=300ms",
                "--feedgram.security.encryption-key=" + FeedgramProcess.ENCRYPTION_KEY, "--spring.datasource.url=jdbc:h2:mem:crash-sandbox",
                "--camel.main.routes-collector-enabled=false");
    }

    /** A 50-megapixel PNG (4:3, converted to JPEG) and a 50-megapixel 2:1 JPEG (padded into 1.91:1). */
    private void drawOriginals() {
        try {
            Path originals = Files.createDirectories(dir.resolve("originals"));
            Files.write(originals.resolve("big.png"),
                    MediaCorpus.png(MediaCorpus.picture(8192, 6144, BufferedImage.TYPE_INT_RGB)));
            Files.write(originals.resolve("wide.jpg"), MediaCorpus.jpeg(10000, 5000));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String submit(String caption, List<String> files) throws Exception {
        List<Map<String, String>> media = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            media.add(Map.of("url", "http://localhost:" + port + "/crash-media/" + files.get(i) + "?c=" + caption.hashCode() + "-" + i,
                    "type", "IMAGE"));
        }
        String body = json.writeValueAsString(Map.of("account", "demo", "kind", "FEED", "caption", caption, "media", media));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/posts"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).path("id").asText();
    }

    /** How many conversions this process made (the preparer's timer), 0 before the first. */
    private long conversions() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/actuator/metrics/feedgram.media.conversion")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        for (JsonNode measurement : json.readTree(response.body()).path("measurements")) {
            if (measurement.path("statistic").asText().equals("COUNT")) {
                return measurement.path("value").asLong();
            }
        }
        throw new AssertionError("no COUNT in " + response.body());
    }

    private JsonNode get(String url) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static List<Row> rows(JdbcClient db) {
        return db.sql("select post_id, position, stored_file, prepared_at, media_note from post_media order by post_id, position")
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4), rs.getString(5)))
                .list();
    }

    private static Set<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    private static long bytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static boolean decodes(Path jpeg) {
        try {
            return ImageIO.read(jpeg.toFile()) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private Path store() {
        return dir.resolve("media");
    }

    /** The shipped durability: a reserved name is written at once, before the copy's file is. */
    private String databaseUrl() {
        return FeedgramProcess.databaseUrl(dir);
    }
}
