package io.feedgram.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.feedgram.graph.GraphCredentials;

/**
 * Facebook Login after the post: on graph.facebook.com the linked Page, not the Instagram user, holds the
 * webhook subscription and sends messages. A connect keeps the Page's id; the subscription and a reply go
 * through {@code /{page-id}}, and the sandbox refuses the Instagram user node there. An account whose Page
 * is not known (connected before Feedgram kept it) is told to connect again, never sent from.
 */
class ConnectFacebookMessagingTest extends ConnectTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aConnectedFacebookLoginAccountSubscribesAndRepliesThroughItsPage() {
        sandbox.expireToken("EAA-test-fbook-configured");
        assertThat(ending(browse(url("/connect/facebook?account=fbook")))).containsEntry("connected", "true");

        GraphCredentials account = credentials.find("fbook").orElseThrow();
        assertThat(account.pageId()).isNotNull().isNotEqualTo(FBOOK_USER);
        JsonNode calls = sandbox.calls();
        assertThat(calls.path("facebook POST /{page-id}/subscribed_apps").asInt()).isEqualTo(1);
        assertThat(calls.has("facebook POST /{ig-user-id}/subscribed_apps")).isFalse();
        JsonNode atPage = graph("/" + account.pageId() + "/subscribed_apps", account.accessToken());
        assertThat(atPage.path("data").path(0).path("subscribed_fields").toString()).contains("messages", "comments");
        assertThat(graph("/" + FBOOK_USER + "/subscribed_apps", account.accessToken()).path("error").path("code").asInt())
                .as("the Instagram user node of graph.facebook.com answers (#3)").isEqualTo(3);
        assertThat(api("GET", "/api/v1/accounts/fbook", null).path("webhooks").path("last_result").asText())
                .startsWith("subscribed at");

        String person = "15351489" + Math.abs(marker.hashCode());
        sandbox.personMessages(FBOOK_USER, person, "Is the red one available? " + marker, null);
        String conversation = conversationWith(person);
        String text = "Yes, through the Page " + marker;
        String reply = api("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\": \"" + text + "\"}").path("id").asText();
        assertThat(awaitReply(reply, "SENT").path("instagram_id").asText()).startsWith("aWdf");
        assertThat(sandbox.calls().path("facebook POST /{page-id}/messages").asInt()).isEqualTo(1);
        assertThat(sandbox.calls().has("facebook POST /{ig-user-id}/messages")).isFalse();
        assertThat(sandbox.inspect("/_inspect/messages").path(FBOOK_USER + "/" + person).toString()).contains(text);

        // What an account connected before its Page was kept looks like: told to connect again, nothing sent.
        jdbc.sql("update account set page_id = null where id = 'fbook'").update();
        sandbox.clearCalls();
        JsonNode refused = api("POST", "/api/v1/accounts/fbook/subscriptions", null);
        assertThat(refused.path("status").asInt()).isEqualTo(409);
        assertThat(refused.path("detail").asText()).contains("connect/facebook");
        assertThat(api("GET", "/api/v1/accounts/fbook", null).path("webhooks").path("last_result").asText())
                .contains("Facebook Page is not known");
        String unsent = api("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\": \"Not without a Page " + marker + "\"}").path("id").asText();
        assertThat(awaitReply(unsent, "FAILED").path("reason").asText()).contains("Connect the account again");
        assertThat(sandbox.calls().toString()).doesNotContain("messages", "subscribed_apps");
    }

    private String conversationWith(String personId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> conversationId(personId) != null);
        return conversationId(personId);
    }

    private String conversationId(String personId) {
        for (JsonNode conversation : api("GET", "/api/v1/conversations?account=fbook&limit=100", null).path("items")) {
            if (personId.equals(conversation.path("participant_id").asText())) {
                return conversation.path("id").asText();
            }
        }
        return null;
    }

    private JsonNode awaitReply(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api("GET", "/api/v1/replies/" + id, null).path("status").asText(), status::equals);
        return api("GET", "/api/v1/replies/" + id, null);
    }

    /** A GET on the sandbox's graph.facebook.com with {@code token}; the answer's JSON, an error envelope included. */
    private JsonNode graph(String path, String token) {
        return read(HttpRequest.newBuilder(URI.create(url("/sandbox/graph.facebook.com/v25.0" + path)))
                .header("Authorization", "Bearer " + token).GET());
    }

    private JsonNode api(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + API_KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return read(request);
    }

    private JsonNode read(HttpRequest.Builder request) {
        try {
            String body = browser.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return json.readTree(body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
