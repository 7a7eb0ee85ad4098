package io.feedgram.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.testing.AfterPostTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The account's pace, 3 direct messages per hour here (a context of its own): the fourth waits, it is not dropped. */
@TestPropertySource(properties = {"feedgram.messaging.per-hour=3",
        "spring.datasource.url=jdbc:h2:mem:replypace;DB_CLOSE_DELAY=-1"})
class ReplyPaceTest extends AfterPostTestSupport {

    @Test
    void theFourthMessageOfTheHourIsDeferredNotDropped() {
        String person = "15351490" + Math.abs(marker.hashCode());
        sandbox.personMessages(ALPHA, person, "Tell me everything " + marker, null);
        String conversation = conversationWith(person);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String text = "Part " + i + " " + marker;
            ids.add(post("/api/v1/conversations/" + conversation + "/messages", "{\"text\": \"" + text + "\"}")
                    .body().path("id").asText());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/replies/" + ids.get(3)).body()
                .path("reason").asText().startsWith("Paced"));
        JsonNode deferred = get("/api/v1/replies/" + ids.get(3)).body();
        assertThat(deferred.path("status").asText()).isEqualTo("QUEUED");
        assertThat(Instant.parse(deferred.path("due_at").asText())).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
        assertThat(sentToPerson(person, "Part 4 " + marker)).isZero();

        clock.advance(Duration.ofMinutes(61));
        awaitReply(ids.get(3), "SENT");
        for (int i = 1; i <= 4; i++) {
            assertThat(sentToPerson(person, "Part " + i + " " + marker)).as("part " + i).isEqualTo(1);
        }
    }
}
