package io.feedgram.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.testing.AfterPostTestSupport;
import org.junit.jupiter.api.Test;

/** options.first_comment: posted once right after the media is published, recorded on the post. */
class FirstCommentTest extends AfterPostTestSupport {

    @Test
    void theFirstCommentIsPostedOnceAndRecordedOnThePost() {
        String text = "#sunset #sea " + marker;
        String mediaId = publishedMedia("{\"first_comment\": \"" + text + "\"}");
        JsonNode posted = awaitFirstComment(mediaId, text);
        assertThat(ownComments(mediaId, text)).isEqualTo(1);
        assertThat(posted.path("detail").asText()).isEqualTo("First comment posted: " + commentIdOf(mediaId, text));
    }

    @Test
    void aFirstCommentWhoseAnswerIsLostIsReadBackNotPostedAgain() {
        sandbox.faultFor("send-committed-response-lost", ALPHA, 1);
        String text = "#lost " + marker;
        String mediaId = publishedMedia("{\"first_comment\": \"" + text + "\"}");
        JsonNode posted = awaitFirstComment(mediaId, text);
        assertThat(ownComments(mediaId, text)).isEqualTo(1);
        assertThat(posted.path("detail").asText()).endsWith(commentIdOf(mediaId, text));
    }

    @Test
    void aFirstCommentOverInstagramsLimitsIsRefusedWithTheField() {
        String body = """
                {"account": "alpha", "caption": "c", "media": [{"url": "%s"}], "options": {"first_comment": "%s"}}"""
                .formatted(mediaUrl("ok.jpg"), "#tag ".repeat(31));
        Answer refused = post("/api/v1/posts", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("options.first_comment");
        assertThat(refused.body().path("errors").get(0).path("message").asText()).contains("hashtags");
    }

    /** The post's history line about its first comment, once there is one. */
    private JsonNode awaitFirstComment(String mediaId, String text) {
        String postId = jdbc.sql("select post_id from post_container where media_id = ?").param(mediaId)
                .query(String.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> historyLine(postId) != null);
        return historyLine(postId);
    }

    private JsonNode historyLine(String postId) {
        for (JsonNode line : get("/api/v1/posts/" + postId).body().path("history")) {
            if (line.path("detail").asText().startsWith("First comment")) {
                return line;
            }
        }
        return null;
    }

    private int ownComments(String mediaId, String text) {
        int count = 0;
        for (JsonNode comment : sandbox.inspect("/_inspect/comments?mediaId=" + mediaId)) {
            if (ALPHA.equals(comment.path("fromId").asText()) && text.equals(comment.path("text").asText())) {
                count++;
            }
        }
        return count;
    }

    private String commentIdOf(String mediaId, String text) {
        for (JsonNode comment : sandbox.inspect("/_inspect/comments?mediaId=" + mediaId)) {
            if (text.equals(comment.path("text").asText())) {
                return comment.path("id").asText();
            }
        }
        return null;
    }
}
