package io.feedgram.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.testing.AfterPostTestSupport;
import org.junit.jupiter.api.Test;

/**
 * A person writes, Feedgram answers: over real HTTP with the sandbox as Instagram. Each reply reaches the
 * person exactly once (also when Instagram's answer is lost), and never outside the window.
 */
class ReplyEndToEndTest extends AfterPostTestSupport {

    @Test
    void aReplyInsideTheWindowIsSentExactlyOnceAndAnIdempotencyKeyReturnsTheFirst() {
        String person = "15351486" + Math.abs(marker.hashCode());
        String conversation = wroteTo(person, "Is the blue one available? " + marker);
        String text = "Yes, in size M " + marker;

        Answer first = api("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\": \"" + text + "\"}", Map.of("Idempotency-Key", "reply-" + marker));
        Answer again = api("POST", "/api/v1/conversations/" + conversation + "/messages",
                "{\"text\": \"" + text + "\"}", Map.of("Idempotency-Key", "reply-" + marker));
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("id").asText()).isEqualTo(first.body().path("id").asText());

        JsonNode sent = awaitReply(first.body().path("id").asText(), "SENT");
        assertThat(sent.path("instagram_id").asText()).startsWith("aWdf");
        assertThat(sentToPerson(person, text)).isEqualTo(1);
        JsonNode messages = get("/api/v1/conversations/" + conversation + "/messages").body();
        assertThat(messages).extracting(m -> m.path("direction").asText()).containsExactly("out", "in");
    }

    @Test
    void aReplyWhoseAnswerIsLostIsReadBackNotSentAgain() {
        String person = "15351487" + Math.abs(marker.hashCode());
        String conversation = wroteTo(person, "Hello " + marker);
        sandbox.faultFor("send-committed-response-lost", ALPHA, 1);
        String text = "Lost answer " + marker;

        String id = post("/api/v1/conversations/" + conversation + "/messages", "{\"text\": \"" + text + "\"}")
                .body().path("id").asText();
        JsonNode sent = awaitReply(id, "SENT");
        assertThat(sentToPerson(person, text)).isEqualTo(1);
        String mid = sandbox.inspect("/_inspect/messages").path(ALPHA + "/" + person).path(1).path("mid").asText();
        assertThat(sent.path("instagram_id").asText()).isEqualTo(mid);
    }

    @Test
    void outsideTheWindowTheReplyIsRefusedWith409AndNothingIsSent() {
        String person = "15351488" + Math.abs(marker.hashCode());
        sandbox.personMessages(ALPHA, person, "Old question " + marker, Instant.now().minus(Duration.ofHours(25)));
        String conversation = conversationWith(person);

        Answer refused = post("/api/v1/conversations/" + conversation + "/messages", "{\"text\": \"Too late " + marker + "\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("detail").asText()).contains("24-hour reply window closed");
        assertThat(jdbc.sql("select count(*) from outgoing_message where conversation_id = ?").param(conversation)
                .query(Integer.class).single()).isZero();
        assertThat(sentToPerson(person, "Too late " + marker)).isZero();
    }

    @Test
    void badRepliesAreRefusedWith400() {
        String person = "15351489" + Math.abs(marker.hashCode());
        String conversation = wroteTo(person, "Hi " + marker);
        String path = "/api/v1/conversations/" + conversation + "/messages";
        assertThat(post(path, "{}").status()).isEqualTo(400);
        assertThat(post(path, "{\"text\": \"" + "é".repeat(501) + "\"}").status()).isEqualTo(400);
        assertThat(post(path, "{\"text\": \"hi\", \"tag\": \"HUMAN_AGENT\"}").status()).isEqualTo(400);
        assertThat(post(path, "[1]").status()).isEqualTo(400);
        assertThat(post("/api/v1/conversations/no-such/messages", "{\"text\": \"hi\"}").status()).isEqualTo(404);
    }

    @Test
    void whenInstagramStillRefusesTheReplyRecordsTheClassifiedReason() {
        String person = "15351491" + Math.abs(marker.hashCode());
        String conversation = wroteTo(person, "Hi " + marker);
        sandbox.personBlocks(ALPHA, person);

        String id = post("/api/v1/conversations/" + conversation + "/messages", "{\"text\": \"Blocked " + marker + "\"}")
                .body().path("id").asText();
        JsonNode failed = awaitReply(id, "FAILED");
        assertThat(failed.path("error_code").asInt()).isEqualTo(551);
        assertThat(failed.path("error_subcode").asInt()).isEqualTo(1545041);
        assertThat(failed.path("reason").asText()).contains("not available");
        assertThat(sentToPerson(person, "Blocked " + marker)).isZero();
    }

    @Test
    void instagramsRateLimitSendsTheReplyLaterNotNever() {
        String person = "15351492" + Math.abs(marker.hashCode());
        String conversation = wroteTo(person, "Hi " + marker);
        sandbox.configure("{\"messaging\": {\"sendLimit\": 0}}");

        String id = post("/api/v1/conversations/" + conversation + "/messages", "{\"text\": \"Later " + marker + "\"}")
                .body().path("id").asText();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/replies/" + id).body()
                .path("reason").asText().startsWith("Rate limited"));
        assertThat(get("/api/v1/replies/" + id).body().path("status").asText()).isEqualTo("QUEUED");
        assertThat(sentToPerson(person, "Later " + marker)).isZero();

        sandbox.configure("{\"messaging\": {\"sendLimit\": 100}}");
        awaitReply(id, "SENT");
        assertThat(sentToPerson(person, "Later " + marker)).isEqualTo(1);
    }

    /** The person writes {@code text} now; answers the conversation once Feedgram has it. */
    private String wroteTo(String person, String text) {
        sandbox.personMessages(ALPHA, person, text, null);
        return conversationWith(person);
    }
}
