package io.feedgram.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole application on a random port with the sandbox as Instagram, for what happens after the post:
 * webhooks, events, conversations, replies and comments. One account, {@code alpha}, whose app secret signs
 * its webhooks. All such tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:afterpost;DB_CLOSE_DELAY=-1",
        "feedgram.api.keys[0]=test-key",
        "feedgram.accounts[0].id=alpha",
        "feedgram.accounts[0].login=instagram",
        "feedgram.accounts[0].ig-user-id=17841400000000911",
        "feedgram.accounts[0].access-token=IGAA-test-afterpost-alpha",
        "feedgram.accounts[0].app-id=100000000000911",
        "feedgram.accounts[0].app-secret=test-app-secret-911",
        "feedgram.webhooks.verify-token=test-verify-token",
        "feedgram.webhooks.tick=100ms",
        "feedgram.webhooks.max-body-size=64KB",
        "feedgram.sandbox.messaging.webhook-retry-delay=200ms",
        "feedgram.messaging.tick=100ms",
        "feedgram.messaging.retry-delay=200ms",
})
@Import(MutableClockConfiguration.class)
public abstract class AfterPostTestSupport extends SandboxTestHarness {

    protected static final String ALPHA = "17841400000000911";
    protected static final String SECRET = "test-app-secret-911";
    protected static final String KEY = "test-key";

    protected final HttpClient http = HttpClient.newHttpClient();
    protected final ObjectMapper json = new ObjectMapper();

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An HTTP answer with its body read as JSON when it is JSON. */
    public record Answer(int status, JsonNode body, String text) {
    }

    protected Answer api(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    protected Answer get(String path) {
        return api("GET", path, null, Map.of());
    }

    protected Answer post(String path, String body) {
        return api("POST", path, body, Map.of());
    }

    /** Posts raw bytes to the webhook endpoint, with the given signature header (null: none). */
    protected Answer deliver(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/instagram"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request);
    }

    protected static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    protected Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = json.readTree(response.body().isBlank() ? "null" : response.body());
            } catch (IOException notJson) {
                body = json.nullNode();
            }
            return new Answer(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes an image post for alpha through the API and the pipeline; returns the Instagram media id. */
    protected String publishedMedia(String options) {
        String body = """
                {"account": "alpha", "caption": "Caption %s", "media": [{"url": "%s"}]%s}"""
                .formatted(marker, mediaUrl("ok.jpg"), options == null ? "" : ", \"options\": " + options);
        Answer submitted = post("/api/v1/posts", body);
        if (submitted.status() != 202) {
            throw new IllegalStateException("submit answered " + submitted.status() + ": " + submitted.text());
        }
        String id = submitted.body().path("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/v1/posts/" + id).body().path("status").asText(), "PUBLISHED"::equals);
        return get("/api/v1/posts/" + id).body().path("instagram").path("media_id").asText();
    }

    /** The events of {@code type} whose text is {@code text}, as the API lists them. */
    protected JsonNode events(String type, String text) {
        var found = json.createArrayNode();
        get("/api/v1/events?type=" + type + "&limit=100").body().path("items").forEach(event -> {
            if (text.equals(event.path("text").asText())) {
                found.add(event);
            }
        });
        return found;
    }

    /** The conversation of alpha with {@code personId}, once its first message has been processed. */
    protected String conversationWith(String personId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> find(personId) != null);
        return find(personId);
    }

    private String find(String personId) {
        for (JsonNode conversation : get("/api/v1/conversations?account=alpha&limit=100").body().path("items")) {
            if (personId.equals(conversation.path("participant_id").asText())) {
                return conversation.path("id").asText();
            }
        }
        return null;
    }

    protected JsonNode awaitReply(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/v1/replies/" + id).body().path("status").asText(), status::equals);
        return get("/api/v1/replies/" + id).body();
    }

    /** What the sandbox holds of the thread between alpha and {@code personId}: messages from alpha with {@code text}. */
    protected int sentToPerson(String personId, String text) {
        int count = 0;
        for (JsonNode message : sandbox.inspect("/_inspect/messages").path(ALPHA + "/" + personId)) {
            if (ALPHA.equals(message.path("fromId").asText()) && text.equals(message.path("text").asText())) {
                count++;
            }
        }
        return count;
    }

    protected int deliveriesStored() {
        return jdbc.sql("select count(*) from webhook_delivery").query(Integer.class).single();
    }
}
