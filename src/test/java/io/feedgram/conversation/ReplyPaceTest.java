package io.feedgram.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.testing.AfterPostTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The account's pace at its default, 200 direct messages per hour (a context of its own): the 201st waits for the
 * hour to pass, it is not dropped, and every message is sent once.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:replypace;DB_CLOSE_DELAY=-1")
class ReplyPaceTest extends AfterPostTestSupport {

    private static final int PER_HOUR = 200;

    @Test
    void theTwoHundredAndFirstMessageOfTheHourIsDeferredNotDropped() {
        String person = "15351490" + Math.abs(marker.hashCode());
        sandbox.personMessages(ALPHA, person, "Tell me everything " + marker, null);
        String conversation = conversationWith(person);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= PER_HOUR + 1; i++) {
            ids.add(post("/api/v1/conversations/" + conversation + "/messages",
                    "{\"text\": \"Part " + i + " " + marker + "\"}").body().path("id").asText());
        }
        String last = ids.get(PER_HOUR);
        await().atMost(Duration.ofSeconds(120)).until(() -> get("/api/v1/replies/" + last).body()
                .path("reason").asText().startsWith("Paced"));
        JsonNode deferred = get("/api/v1/replies/" + last).body();
        assertThat(deferred.path("status").asText()).isEqualTo("QUEUED");
        assertThat(Instant.parse(deferred.path("due_at").asText())).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
        await().atMost(Duration.ofSeconds(120)).until(() -> sentParts(person).size() == PER_HOUR);
        assertThat(sentParts(person)).as("sent in the first hour").doesNotContainKey("Part " + (PER_HOUR + 1) + " " + marker);

        clock.advance(Duration.ofMinutes(61));
        awaitReply(last, "SENT");
        Map<String, Integer> sent = sentParts(person);
        assertThat(sent).as("every part sent").hasSize(PER_HOUR + 1);
        assertThat(sent.values()).as("each part sent once").containsOnly(1);
    }

    /** How often the sandbox holds each of this test's texts sent by alpha to {@code person}. */
    private Map<String, Integer> sentParts(String person) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode message : sandbox.inspect("/_inspect/messages").path(ALPHA + "/" + person)) {
            String text = message.path("text").asText();
            if (ALPHA.equals(message.path("fromId").asText()) && text.endsWith(marker)) {
                counts.merge(text, 1, Integer::sum);
            }
        }
        return counts;
    }
}
