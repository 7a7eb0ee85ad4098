package io.feedgram.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.feedgram.testing.FeedgramProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A SIGTERM ({@code docker stop}) stops a Feedgram process gracefully: the publishing dispatcher releases the claims
 * it holds before the database closes, so the next start (or another replica) takes their posts at once, not after
 * their leases run out. H2's own shutdown hook used to close the database first. Output in target/stop-signal-test/.
 */
class StopSignalTest {

    private static final String API_KEY = "stop-signal-key";
    private static final Path LOGS = Path.of("target", "stop-signal-test");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private FeedgramProcess feedgram;
    private HttpServer blog;

    @AfterEach
    void stop() {
        if (feedgram != null) {
            feedgram.stop();
        }
        if (blog != null) {
            blog.stop(0);
        }
    }

    @Test
    void aStopSignalReleasesTheClaimsBeforeTheDatabaseCloses() throws Exception {
        String image = servedImage();
        // The shipped kind of URL: a file database no other process opens (read here once the process has ended).
        String databaseUrl = "jdbc:h2:file:" + dir.resolve("db").resolve("feedgram") + ";QUERY_CACHE_SIZE=256";
        // Instagram processes an image for 8 s, so the post's claim is held between its steps.
        feedgram = new FeedgramProcess("Feedgram", "512m", List.of("--spring.datasource.url=" + databaseUrl,
                "--feedgram.media.store=" + dir.resolve("media"), "--feedgram.sandbox.enabled=true",
                "--feedgram.sandbox.processing-delay.image=8s", "--feedgram.demo.enabled=false",
                "--feedgram.api.keys[0]=" + API_KEY, "--feedgram.security.encryption-key=" + FeedgramProcess.ENCRYPTION_KEY), LOGS).start("run");
        feedgram.awaitHealthy(Duration.ofSeconds(40));
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(feedgram.url("/api/v1/posts")))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"account": "demo", "caption": "held", "media": [{"url": "%s"}]}""".formatted(image))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = new ObjectMapper().readTree(submitted.body()).path("id").asText();
        await("the post's containers created").atMost(Duration.ofSeconds(30))
                .failFast("Feedgram ended", () -> !feedgram.isAlive())
                .until(() -> new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(feedgram.url("/api/v1/posts/" + id)))
                        .header("Authorization", "Bearer " + API_KEY).build(), HttpResponse.BodyHandlers.ofString()).body())
                        .path("status").asText(), "CONTAINERS_CREATED"::equals);

        assertThat(feedgram.terminate()).as("exit status after SIGTERM").isEqualTo(143);

        String log = Files.readString(LOGS.resolve("run.out"));
        assertThat(log).as("the post's claim, held until its container is ready, was released")
                .doesNotContain("Failed to stop bean").contains("publishing stopped; 1 claim(s) released");
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(databaseUrl, "sa", ""));
        assertThat(db.sql("select lease_owner from post where id = ?").param(id).query(String.class).optional())
                .as("the post's claim after the stop").isEmpty();
    }

    /** A JPEG Instagram accepts, served from this JVM (the sandbox takes it from there). */
    private String servedImage() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1080, 1080, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
        blog = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        blog.createContext("/photo.jpg", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, jpeg.size());
            exchange.getResponseBody().write(jpeg.toByteArray());
            exchange.close();
        });
        blog.start();
        return "http://localhost:" + blog.getAddress().getPort() + "/photo.jpg";
    }
}
