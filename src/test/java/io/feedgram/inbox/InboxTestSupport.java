package io.feedgram.inbox;

import io.feedgram.testing.SandboxTestHarness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, called over real HTTP as a client would, with
 * the sandbox as Instagram. All inbox tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:inbox;DB_CLOSE_DELAY=-1",
        "feedgram.api.keys[0]=test-key",
        "feedgram.api.keys[1]=other-key",
        "feedgram.api.max-body-size=16KB",
        "feedgram.api.body-timeout=2s",
        "server.tomcat.connection-timeout=2s",
        "feedgram.accounts[0].id=alpha",
        "feedgram.accounts[0].login=instagram",
        "feedgram.accounts[0].ig-user-id=17841400000000111",
        "feedgram.accounts[0].access-token=IGAA-test-inbox-alpha",
        "feedgram.accounts[1].id=beta",
        "feedgram.accounts[1].login=instagram",
        "feedgram.accounts[1].ig-user-id=17841400000000222",
        "feedgram.accounts[1].access-token=IGAA-test-inbox-beta",
        "feedgram.accounts[2].id=gamma",
        "feedgram.accounts[2].login=instagram",
        "feedgram.accounts[2].ig-user-id=17841400000000333",
        "feedgram.accounts[2].access-token=IGAA-test-inbox-gamma",
})
abstract class InboxTestSupport extends SandboxTestHarness {

    static final String ALPHA = "17841400000000111";
    static final String BETA = "17841400000000222";
    static final String GAMMA = "17841400000000333";
    static final String KEY = "test-key";

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    /** A post body whose single image is the sandbox's test JPEG. */
    String imagePost(String account) {
        return """
                {"account": "%s", "caption": "Caption %s", "media": [{"url": "%s", "alt_text": "a square"}]}"""
                .formatted(account, marker, mediaUrl("ok.jpg"));
    }

    Answer submit(String body) {
        return send(request("/api/v1/posts").header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String path) {
        return send(request(path).header("Authorization", "Bearer " + KEY).GET());
    }

    Answer send(String method, String path) {
        return send(request(path).header("Authorization", "Bearer " + KEY)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? json.nullNode() : readOrText(response.body());
            return new Answer(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/v1/posts/" + id).body().path("status").asText(), status::equals);
        return get("/api/v1/posts/" + id).body();
    }

    private JsonNode readOrText(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    record Answer(int status, HttpResponse<String> response, JsonNode body) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }
}
