package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.testing.AfterPostTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The sandbox keeps Instagram's messaging rules on its own (docs/instagram.md#messaging-errors), whatever the
 * client checks first: called directly over HTTP with the account's token.
 */
class MessagingRulesTest extends AfterPostTestSupport {

    private static final String TOKEN = "IGAA-test-afterpost-alpha";

    @Test
    void theSendApiKeepsTheWindowTheRecipientAndTheRate() {
        String person = "1600" + Math.abs(marker.hashCode());
        assertError(send("{\"id\":\"" + person + "\"}"), 400, 100, 2534014);

        sandbox.personMessages(ALPHA, person, "old " + marker, Instant.now().minus(Duration.ofHours(25)));
        assertError(send("{\"id\":\"" + person + "\"}"), 403, 10, 2534022);

        sandbox.personMessages(ALPHA, person, "new " + marker, null);
        Answer sent = send("{\"id\":\"" + person + "\"}");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body().path("recipient_id").asText()).isEqualTo(person);
        assertThat(sent.body().path("message_id").asText()).startsWith("aWdf");

        sandbox.configure("{\"messaging\": {\"sendLimit\": 2, \"sendPeriod\": \"PT1H\"}}");
        assertThat(send("{\"id\":\"" + person + "\"}").status()).isEqualTo(200);
        assertError(send("{\"id\":\"" + person + "\"}"), 400, 613, 2534040);

        sandbox.configure("{\"messaging\": {\"sendLimit\": 100}}");
        sandbox.personBlocks(ALPHA, person);
        assertError(send("{\"id\":\"" + person + "\"}"), 400, 551, 1545041);
    }

    @Test
    void aPrivateReplyIsTakenOnceAndOnlyWithinSevenDays() {
        String mediaId = publishedMedia(null);
        String fresh = sandbox.personComments(mediaId, "1700" + Math.abs(marker.hashCode()), "price? " + marker);
        String old = sandbox.personComments(mediaId, "1701" + Math.abs(marker.hashCode()), "old " + marker,
                Instant.now().minus(Duration.ofDays(8)));

        assertThat(send("{\"comment_id\":\"" + fresh + "\"}").status()).isEqualTo(200);
        assertError(send("{\"comment_id\":\"" + fresh + "\"}"), 400, 100, 2534025);
        assertError(send("{\"comment_id\":\"" + old + "\"}"), 400, 100, 2534025);
    }

    /** {@code POST /me/messages} as a form whose fields hold JSON, as Meta's own example sends it. */
    private Answer send(String recipient) {
        String form = "recipient=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8)
                + "&message=" + URLEncoder.encode("{\"text\":\"hello " + marker + "\"}", StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/graph.instagram.com/v25.0/me/messages"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static void assertError(Answer answer, int status, int code, int subcode) {
        JsonNode error = answer.body().path("error");
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(error.path("code").asInt()).isEqualTo(code);
        assertThat(error.path("error_subcode").asInt()).isEqualTo(subcode);
        assertThat(error.path("type").asText()).isEqualTo("IGApiException");
    }
}
