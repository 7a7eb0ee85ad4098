package io.feedgram.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * A Feedgram process is killed (SIGKILL) after Instagram took a reply and a first comment but before their
 * answers came back (the sandbox holds every answer back for a while), and started again on the same
 * database: each is read back from Instagram and recorded, and Instagram holds exactly one of each. Instagram
 * (the sandbox) runs in this JVM so that what it saw outlives the kill. Output in target/after-post-crash-test/.
 */
class AfterPostCrashTest {

    private static final String API_KEY = "crash-test-key";
    /** The demo account of application.yaml (its app secret signs the webhooks), read by both applications. */
    private static final String DEMO_IG_USER = "17841400000000001";
    private static final String PERSON = "1535148674812345";
    private static final Path LOGS = Path.of("target", "after-post-crash-test");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ConfigurableApplicationContext instagram;
    private FeedgramProcess feedgram;
    private int port;
    private int sandboxPort;

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
    void aReplyAndAFirstCommentInFlightAtTheKillAreRecordedOnceAfterTheRestart() throws Exception {
        sandboxPort = FeedgramProcess.freePort();
        feedgram = new FeedgramProcess("Feedgram", "512m", arguments(), LOGS);
        port = feedgram.port();
        feedgram.start("run-1");
        instagram = instagram();
        feedgram.awaitHealthy(Duration.ofSeconds(60));
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(databaseUrl(), "sa", ""));

        String run = UUID.randomUUID().toString();
        control("/_people/message", Map.of("igUserId", DEMO_IG_USER, "fromId", PERSON, "text", "Hi " + run));
        await("the conversation").atMost(Duration.ofSeconds(30)).until(() -> db.sql(
                "select count(*) from conversation where participant_id = ?").param(PERSON).query(Integer.class).single() == 1);
        String conversation = db.sql("select id from conversation where participant_id = ?").param(PERSON)
                .query(String.class).single();

        // Every Graph answer now comes 3 s after Instagram acted: the window in which the process dies.
        control("/_config", Map.of("latency", "PT3S"));
        String comment = "#first " + run;
        String postId = api("/api/v1/posts", Map.of("account", "demo", "caption", "crash " + run,
                "media", List.of(Map.of("url", "http://localhost:" + port + "/test-media/ok.jpg?r=" + run)),
                "options", Map.of("first_comment", comment))).path("id").asText();
        await("the post PUBLISHED").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .failFast("the first Feedgram process ended", () -> !feedgram.isAlive())
                .until(() -> db.sql("select status from post where id = ?").param(postId).query(String.class).single(),
                        "PUBLISHED"::equals);
        String reply = "Yes " + run;
        String replyId = api("/api/v1/conversations/" + conversation + "/messages", Map.of("text", reply)).path("id").asText();
        String mediaId = db.sql("select media_id from post_container where post_id = ? and media_id is not null")
                .param(postId).query(String.class).single();

        await("Instagram has both, Feedgram has recorded neither").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> sentMessages(reply) == 1 && ownComments(mediaId, comment) == 1);
        assertThat(feedgram.kill()).as("exit status of a SIGKILLed JVM").isEqualTo(137);
        assertThat(db.sql("select status || ':' || coalesce(instagram_id, '-') from outgoing_message where id = ?")
                .param(replyId).query(String.class).single()).as("the reply at the kill").isEqualTo("SENDING:-");
        assertThat(db.sql("select first_comment_status || ':' || coalesce(first_comment_id, '-') from post where id = ?")
                .param(postId).query(String.class).single()).as("the first comment at the kill").isEqualTo("POSTING:-");

        control("/_config", Map.of("latency", "PT0S"));
        feedgram.start("run-2");
        feedgram.awaitHealthy(Duration.ofSeconds(60));
        await("the reply SENT and the first comment POSTED").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .failFast("the second Feedgram process ended", () -> !feedgram.isAlive())
                .until(() -> "SENT".equals(db.sql("select status from outgoing_message where id = ?").param(replyId)
                        .query(String.class).single()) && "POSTED".equals(db.sql(
                        "select first_comment_status from post where id = ?").param(postId).query(String.class).single()));

        assertThat(sentMessages(reply)).as("replies Instagram holds").isEqualTo(1);
        assertThat(ownComments(mediaId, comment)).as("first comments Instagram holds").isEqualTo(1);
        String mid = db.sql("select instagram_id from outgoing_message where id = ?").param(replyId).query(String.class).single();
        assertThat(control("/_inspect/messages", null).path(DEMO_IG_USER + "/" + PERSON).toString()).contains(mid);
        String commentId = db.sql("select first_comment_id from post where id = ?").param(postId).query(String.class).single();
        assertThat(control("/_inspect/comments?mediaId=" + mediaId, null).toString()).contains(commentId);
    }

    private int sentMessages(String text) throws Exception {
        int count = 0;
        for (JsonNode message : control("/_inspect/messages", null).path(DEMO_IG_USER + "/" + PERSON)) {
            count += DEMO_IG_USER.equals(message.path("fromId").asText()) && text.equals(message.path("text").asText()) ? 1 : 0;
        }
        return count;
    }

    private int ownComments(String mediaId, String text) throws Exception {
        int count = 0;
        for (JsonNode comment : control("/_inspect/comments?mediaId=" + mediaId, null)) {
            count += DEMO_IG_USER.equals(comment.path("fromId").asText()) && text.equals(comment.path("text").asText()) ? 1 : 0;
        }
        return count;
    }

    private JsonNode control(String path, Map<String, Object> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + sandboxPort + "/sandbox" + path));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode api(String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body());
    }

    private List<String> arguments() {
        String sandbox = "http://localhost:" + sandboxPort + "/sandbox/";
        return List.of(
                "--spring.datasource.url=" + databaseUrl(),
                "--feedgram.media.store=" + dir.resolve("media"),
                "--feedgram.sandbox.enabled=true",
                "--sandbox-test.media=true",
                "--feedgram.graph.instagram-url=" + sandbox + "graph.instagram.com",
                "--feedgram.graph.facebook-url=" + sandbox + "graph.facebook.com",
                "--feedgram.demo.enabled=false",
                "--feedgram.feeds[0].id=none", "--feedgram.feeds[0].url=http://localhost:1/none.xml",
                "--feedgram.feeds[0].account=demo", "--feedgram.feeds[0].every=24h",
                "--feedgram.api.keys[0]=" + API_KEY,
                "--feedgram.security.encryption-key=" + FeedgramProcess.ENCRYPTION_KEY,
                "--feedgram.publishing.min-interval=0s",
                "--feedgram.publishing.poll-initial-delay=200ms", "--feedgram.publishing.poll-interval=300ms",
                "--feedgram.webhooks.tick=100ms",
                "--feedgram.messaging.tick=100ms", "--feedgram.messaging.retry-delay=500ms",
                // The killed process's claims block its reply and first comment for this long after the kill.
                "--feedgram.messaging.lease=10s");
    }

    /** Instagram, in this JVM; its webhooks go to the Feedgram process. */
    private ConfigurableApplicationContext instagram() {
        return new SpringApplicationBuilder(FeedgramApplication.class).run("--server.port=" + sandboxPort,
                "--feedgram.sandbox.enabled=true", "--feedgram.publishing.enabled=false", "--feedgram.demo.enabled=false",
                "--feedgram.sandbox.processing-delay.image=300ms",
                "--feedgram.sandbox.messaging.webhook-url=http://localhost:" + port + "/webhooks/instagram",
                "--feedgram.sandbox.messaging.webhook-retry-delay=500ms",
                "--feedgram.security.encryption-key=" + FeedgramProcess.ENCRYPTION_KEY, "--spring.datasource.url=jdbc:h2:mem:after-post-crash-sandbox",
                "--camel.main.routes-collector-enabled=false");
    }

    private String databaseUrl() {
        return FeedgramProcess.databaseUrl(dir);
    }
}
