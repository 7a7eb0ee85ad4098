package io.feedgram.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Submitting a post: 202 with its status URL, idempotency, and a post that reaches Instagram. */
class SubmitPostTest extends InboxTestSupport {

    @Test
    void aSubmittedPostIsStoredAnsweredWithItsStatusUrlAndPublished() {
        Answer answer = submit(imagePost("alpha"));

        assertThat(answer.status()).isEqualTo(202);
        String id = answer.body().path("id").asText();
        assertThat(answer.header("Location")).isEqualTo("/api/v1/posts/" + id);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.header("Authorization")).isNull();
        assertThat(answer.body().path("account").asText()).isEqualTo("alpha");
        assertThat(answer.body().path("kind").asText()).isEqualTo("FEED");
        assertThat(answer.body().path("source")).isEqualTo(json.createObjectNode().put("type", "inbox"));
        assertThat(answer.body().path("media").get(0).path("type").asText()).isEqualTo("IMAGE");
        assertThat(answer.body().path("media").get(0).path("alt_text").asText()).isEqualTo("a square");
        assertThat(posts.find(id)).isPresent();

        JsonNode published = awaitStatus(id, "PUBLISHED");

        List<JsonNode> media = sandbox.published(ALPHA, marker);
        assertThat(media).hasSize(1);
        assertThat(media.get(0).path("params").path("caption").asText()).isEqualTo("Caption " + marker);
        JsonNode instagram = published.path("instagram");
        assertThat(instagram.path("media_id").asText()).isNotBlank();
        assertThat(instagram.path("permalink").asText()).startsWith("https://www.instagram.com/");
        assertThat(instagram.path("container_ids")).hasSize(1);
        assertThat(published.path("error").isNull()).isTrue();
        assertThat(published.path("history").findValuesAsText("status"))
                .containsExactly("QUEUED", "CONTAINERS_CREATED", "READY", "PUBLISHED");
        assertThat(published.path("history").get(0).path("at").asText()).isNotBlank();
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstPost() {
        String key = "order-" + marker;
        Answer first = submitWithKey(KEY, key);
        Answer again = submitWithKey(KEY, key);
        Answer otherApiKey = submitWithKey("other-key", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(otherApiKey.body().path("id").asText()).isNotEqualTo(first.body().path("id").asText());
        assertThat(posts.find(first.body().path("id").asText()).orElseThrow().sourceKey())
                .startsWith("inbox:").doesNotContain(key).doesNotContain(KEY);
    }

    @Test
    void unknownIdsAre404Problems() {
        Answer answer = get("/api/v1/posts/no-such-post");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("status").asInt()).isEqualTo(404);
        assertThat(answer.body().path("title").asText()).isNotBlank();
        assertThat(answer.body().path("type").asText()).isNotBlank();
        assertThat(answer.body().path("detail").asText()).contains("no-such-post");
    }

    private Answer submitWithKey(String apiKey, String idempotencyKey) {
        return send(request("/api/v1/posts").header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", idempotencyKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(imagePost("beta"))));
    }
}
