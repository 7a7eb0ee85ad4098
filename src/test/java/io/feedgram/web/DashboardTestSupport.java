package io.feedgram.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostStatus;
import io.feedgram.testing.SandboxTestHarness;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with the sandbox as Instagram, as the dashboard's tests
 * (the browser's and the plain HTTP ones) share it: one context. Account {@code shop} publishes, and
 * its app secret signs the webhooks the sandbox delivers about it (to this server's own port),
 * {@code spare} is only refreshed and connected (a sandbox reset would forget the token it gets),
 * {@code ageing}'s token is about to expire, feed
 * {@code blog} is served by the test feed server and {@code gone} answers 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard;DB_CLOSE_DELAY=-1",
        "feedgram.api.keys[0]=dashboard-test-key",
        "feedgram.accounts[0].id=shop",
        "feedgram.accounts[0].login=instagram",
        "feedgram.accounts[0].ig-user-id=17841400000000901",
        "feedgram.accounts[0].access-token=IGAA-dashboard-shop-token",
        "feedgram.accounts[0].app-secret=dashboard-shop-secret",
        "feedgram.accounts[1].id=spare",
        "feedgram.accounts[1].login=instagram",
        "feedgram.accounts[1].ig-user-id=17841400000000902",
        "feedgram.accounts[1].access-token=IGAA-dashboard-spare-token",
        "feedgram.accounts[1].app-id=100000000000902",
        "feedgram.accounts[1].app-secret=dashboard-spare-secret",
        "feedgram.accounts[2].id=ageing",
        "feedgram.accounts[2].login=instagram",
        "feedgram.accounts[2].ig-user-id=17841400000000903",
        "feedgram.accounts[2].access-token=IGAA-dashboard-ageing-token",
        "feedgram.sandbox.oauth.refresh-min-age=0s",
        "feedgram.publishing.max-recreations=0",
        "feed-test.server=true",
        "feedgram.feeds[0].id=blog",
        "feedgram.feeds[0].url=http://localhost:${local.server.port}/test-feeds/live/dashboard-blog",
        "feedgram.feeds[0].account=shop",
        "feedgram.feeds[0].every=1h",
        "feedgram.feeds[0].backfill=all",
        "feedgram.feeds[1].id=gone",
        "feedgram.feeds[1].url=http://localhost:${local.server.port}/test-feeds/live/no-such-feed",
        "feedgram.feeds[1].account=shop",
        "feedgram.feeds[1].every=1h",
})
abstract class DashboardTestSupport extends SandboxTestHarness {

    static final String KEY = "dashboard-test-key";
    static final String SHOP = "17841400000000901";
    private static final Pattern POST_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    /** Queues a post through the REST API and answers its id. */
    String submit(String account, String kind, String mediaName, String publishAt) {
        String body = "{\"account\": \"%s\", \"kind\": \"%s\", \"caption\": \"Dashboard %s\", \"media\": [{\"url\": \"%s\"}]%s}"
                .formatted(account, kind, marker, mediaUrl(mediaName),
                        publishAt == null ? "" : ", \"publish_at\": \"" + publishAt + "\"");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/posts"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Matcher id = POST_ID.matcher(answer.body());
        if (answer.statusCode() != 202 || !id.find()) {
            throw new IllegalStateException("post refused: " + answer.statusCode() + " " + answer.body());
        }
        return id.group(1);
    }

    Post awaitStatus(String id, PostStatus status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> posts.find(id).orElseThrow().status() == status);
        return posts.find(id).orElseThrow();
    }

    /** The Instagram media id of a published single-media post, which a person of the sandbox can comment on. */
    String mediaIdOf(String postId) {
        return containers.of(postId).stream().filter(Container::isPublished).map(Container::mediaId)
                .findFirst().orElseThrow();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A signed-in session: the cookie to send and the CSRF token its forms carry. */
    record Signed(String cookie, String csrf) {
    }

    /** Signs in with the API key, as the sign-in form does. */
    Signed signIn() {
        HttpResponse<String> signedIn = post("/sign-in", null, Map.of("key", KEY));
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Matcher csrf = CSRF.matcher(get("/posts", cookie).body());
        assertThat(csrf.find()).isTrue();
        return new Signed(cookie, csrf.group(1));
    }

    HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        return send(cookie == null ? request : request.header("Cookie", cookie));
    }

    HttpResponse<String> post(String path, String cookie, Map<String, String> fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(fields));
        return send(cookie == null ? request : request.header("Cookie", cookie));
    }

    /** A form body, URL-encoded. */
    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }
}
