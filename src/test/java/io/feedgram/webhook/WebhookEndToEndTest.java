package io.feedgram.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.feedgram.testing.AfterPostTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP with the sandbox as Meta: the verification handshake, signed comments and messages stored
 * and visible through the API, refusals that store nothing, redelivery recognised, and a delivery made
 * while Feedgram cannot be reached arriving with the sandbox's retry.
 */
class WebhookEndToEndTest extends AfterPostTestSupport {

    @Test
    void handshakeAnswersTheChallengeOnlyForTheVerifyToken() {
        Answer ok = get("/webhooks/instagram?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=test-verify-token");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text()).isEqualTo("1158201444");
        assertThat(get("/webhooks/instagram?hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong").status()).isEqualTo(403);
        assertThat(get("/webhooks/instagram?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=test-verify-token").status())
                .isEqualTo(403);
        assertThat(get("/webhooks/instagram").status()).isEqualTo(403);
    }

    @Test
    void aPersonsCommentAndMessageAreStoredAndListed() {
        String mediaId = publishedMedia(null);
        String comment = "Nice one " + marker;
        String commentId = sandbox.personComments(mediaId, "742084212153673", comment);
        String message = "Is the blue one available? " + marker + " äöå";
        sandbox.personMessages(ALPHA, "1535148674817116", message, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> events("COMMENT", comment).size() == 1
                && events("MESSAGE", message).size() == 1);
        var stored = events("COMMENT", comment).get(0);
        assertThat(stored.path("account").asText()).isEqualTo("alpha");
        assertThat(stored.path("comment_id").asText()).isEqualTo(commentId);
        assertThat(stored.path("media_id").asText()).isEqualTo(mediaId);
        assertThat(stored.path("raw").path("value").path("from").path("id").asText()).isEqualTo("742084212153673");
        var dm = events("MESSAGE", message).get(0);
        assertThat(dm.path("sender_id").asText()).isEqualTo("1535148674817116");
        assertThat(dm.path("conversation_id").asText()).isNotBlank();
        assertThat(get("/api/v1/events/" + dm.path("id").asText()).body().path("text").asText()).isEqualTo(message);
    }

    @Test
    void unsignedWronglySignedAndOversizedDeliveriesAreRefusedAndNothingIsStored() {
        byte[] body = payload("refused " + marker);
        int before = deliveriesStored();
        assertThat(deliver(body, null).status()).isEqualTo(401);
        assertThat(deliver(body, sign(body, "another-app-secret")).status()).isEqualTo(403);
        assertThat(deliver(body, "sha256=not-hex").status()).isEqualTo(403);
        byte[] tampered = payload("refused " + marker + "!");
        assertThat(deliver(tampered, sign(body, SECRET)).status()).isEqualTo(403);
        byte[] huge = ("{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(huge, sign(huge, SECRET)).status()).isEqualTo(413);
        assertThat(deliveriesStored()).isEqualTo(before);
    }

    @Test
    void theSameDeliveryTwiceIsStoredAndProcessedOnce() {
        String text = "twice " + marker;
        byte[] body = payload(text);
        assertThat(deliver(body, sign(body, SECRET)).status()).isEqualTo(200);
        assertThat(deliver(body, sign(body, SECRET)).status()).isEqualTo(200);
        // The same event in a different delivery (Meta re-batches) is recognised too.
        byte[] rebatched = ("[" + new String(body, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(rebatched, sign(rebatched, SECRET)).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from webhook_delivery where processed_at is null").query(Integer.class).single() == 0);
        assertThat(events("MESSAGE", text)).hasSize(1);
        assertThat(jdbc.sql("select copies from webhook_delivery where body like ? and body not like '[%'")
                .param("%" + text + "%").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aDeliveryDuringAnOutageArrivesWithTheSandboxsRetry() {
        sandbox.configure("{\"messaging\": {\"webhookUrl\": \"http://localhost:1/webhooks/instagram\"}}");
        String text = "during the outage " + marker;
        sandbox.personMessages(ALPHA, "1535148674817116", text, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.inspect("/_inspect/webhooks").path(0).path("attempts").asInt() >= 1);
        assertThat(sandbox.inspect("/_inspect/webhooks").path(0).path("delivered").asBoolean()).isFalse();
        assertThat(events("MESSAGE", text)).isEmpty();

        sandbox.configure("{\"messaging\": {\"webhookUrl\": \"http://localhost:" + port + "/webhooks/instagram\"}}");
        await().atMost(Duration.ofSeconds(60)).until(() -> events("MESSAGE", text).size() == 1);
        var delivery = sandbox.inspect("/_inspect/webhooks").path(0);
        assertThat(delivery.path("delivered").asBoolean()).isTrue();
        assertThat(delivery.path("attempts").asInt()).isGreaterThan(1);
    }

    /** A direct message webhook as Meta shapes it. */
    private byte[] payload(String text) {
        Map<String, Object> event = Map.of("sender", Map.of("id", "1535148674817116"), "recipient", Map.of("id", ALPHA),
                "timestamp", 1785412106301L, "message", Map.of("mid", "aWdf" + marker + text.hashCode(), "text", text));
        try {
            return json.writeValueAsBytes(Map.of("object", "instagram",
                    "entry", java.util.List.of(Map.of("id", ALPHA, "time", 1785412106812L, "messaging", java.util.List.of(event)))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
