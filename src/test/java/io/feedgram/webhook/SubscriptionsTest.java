package io.feedgram.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import io.feedgram.testing.AfterPostTestSupport;
import org.junit.jupiter.api.Test;

/** POST /api/v1/accounts/{id}/subscriptions subscribes the app (the sandbox records it); the view shows fields and the last event. */
class SubscriptionsTest extends AfterPostTestSupport {

    @Test
    void subscribingRecordsTheFieldsAtInstagramAndOnTheAccount() {
        Answer answer = post("/api/v1/accounts/alpha/subscriptions", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("webhooks").path("subscribed_fields")).extracting(f -> f.asText())
                .containsExactly("comments", "mentions", "messages", "messaging_postbacks", "message_reactions",
                        "messaging_seen");
        Answer atInstagram = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/sandbox/graph.instagram.com/v25.0/me/subscribed_apps"))
                .header("Authorization", "Bearer IGAA-test-afterpost-alpha").GET());
        assertThat(atInstagram.body().path("data").path(0).path("subscribed_fields").toString())
                .contains("comments", "messaging_seen");

        Instant before = Instant.now().minusSeconds(1);
        sandbox.personMessages(ALPHA, "1535148674817999", "hello " + marker, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !get("/api/v1/accounts/alpha").body()
                .path("webhooks").path("last_event_at").isNull());
        assertThat(Instant.parse(get("/api/v1/accounts/alpha").body().path("webhooks").path("last_event_at").asText()))
                .isAfter(before);
        assertThat(post("/api/v1/accounts/nobody/subscriptions", null).status()).isEqualTo(404);
    }
}
