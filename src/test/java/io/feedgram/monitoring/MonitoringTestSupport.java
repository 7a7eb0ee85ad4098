package io.feedgram.monitoring;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostStatus;
import io.feedgram.testing.SandboxTestHarness;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application as an operator sees it: one account, one feed on the test feed server, an API
 * key, the sandbox; what it exposes is read over real HTTP. The monitoring tests share this context.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:monitoring;DB_CLOSE_DELAY=-1",
        "feedgram.api.keys[0]=" + MonitoringTestSupport.API_KEY,
        "feedgram.accounts[0].id=alpha",
        "feedgram.accounts[0].login=instagram",
        "feedgram.accounts[0].ig-user-id=" + MonitoringTestSupport.ALPHA,
        "feedgram.accounts[0].access-token=" + MonitoringTestSupport.TOKEN,
        "feedgram.accounts[0].app-id=100000000000777",
        "feedgram.accounts[0].app-secret=" + MonitoringTestSupport.APP_SECRET,
        "feed-test.server=true",
        "feedgram.feeds[0].id=news",
        "feedgram.feeds[0].url=http://localhost:${local.server.port}/test-feeds/live/monitoring",
        "feedgram.feeds[0].account=alpha",
        "feedgram.feeds[0].every=1h",
        "feedgram.metrics.refresh=0s",
})
abstract class MonitoringTestSupport extends SandboxTestHarness {

    static final String API_KEY = "monitoring-test-api-key";
    static final String ALPHA = "17841400000000777";
    static final String TOKEN = "IGAA-monitoring-secret-token";
    static final String APP_SECRET = "monitoring-app-secret";

    private final HttpClient http = HttpClient.newHttpClient();

    String submitImage() {
        return posts.insert(new NewPost("alpha", PostKind.FEED, "Caption " + marker,
                List.of(new MediaItem(mediaUrl("ok.jpg"), MediaType.IMAGE, null)), PostOptions.NONE, "test", null, null));
    }

    void awaitPublished(String postId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> posts.find(postId).orElseThrow().status(), status -> status == PostStatus.PUBLISHED);
    }

    HttpResponse<String> get(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.GET().build());
    }

    HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + API_KEY).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
