package io.feedgram.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.testing.AfterPostTestSupport;
import org.junit.jupiter.api.Test;

/** A person comments on a published post; Feedgram replies in public and in private, hides and deletes. */
class CommentRepliesTest extends AfterPostTestSupport {

    private static final String AUTHOR = "742084212153673";

    @Test
    void publicAndPrivateRepliesAreSentOnceAndASecondPrivateReplyIsRefused() {
        String mediaId = publishedMedia(null);
        String commentId = receivedComment(mediaId, "How much? " + marker, null);

        Answer reply = post("/api/v1/comments/" + commentId + "/replies", "{\"text\": \"29 EUR " + marker + "\"}");
        assertThat(reply.status()).isEqualTo(202);
        JsonNode sent = awaitReply(reply.body().path("id").asText(), "SENT");
        JsonNode replies = sandbox.inspect("/_inspect/comments?mediaId=" + mediaId);
        assertThat(replies).filteredOn(c -> ("29 EUR " + marker).equals(c.path("text").asText()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.path("parentId").asText()).isEqualTo(commentId);
                    assertThat(c.path("id").asText()).isEqualTo(sent.path("instagram_id").asText());
                });

        Answer privately = post("/api/v1/comments/" + commentId + "/private-replies", "{\"text\": \"Sent you the link " + marker + "\"}");
        assertThat(privately.status()).isEqualTo(202);
        awaitReply(privately.body().path("id").asText(), "SENT");
        assertThat(sentToPerson(AUTHOR, "Sent you the link " + marker)).isEqualTo(1);

        Answer second = post("/api/v1/comments/" + commentId + "/private-replies", "{\"text\": \"Again " + marker + "\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().path("detail").asText()).contains("one private reply per comment");
    }

    @Test
    void aPrivateReplyAfterSevenDaysIsRefused() {
        String mediaId = publishedMedia(null);
        String commentId = receivedComment(mediaId, "Old comment " + marker, Instant.now().minus(Duration.ofDays(8)));
        Answer refused = post("/api/v1/comments/" + commentId + "/private-replies", "{\"text\": \"Late " + marker + "\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("detail").asText()).contains("7 days");
        assertThat(post("/api/v1/comments/no-such-comment/replies", "{\"text\": \"x\"}").status()).isEqualTo(404);
    }

    @Test
    void aCommentIsHiddenShownAgainAndDeleted() {
        String mediaId = publishedMedia(null);
        String commentId = receivedComment(mediaId, "Spam " + marker, null);

        assertThat(post("/api/v1/comments/" + commentId + "/hide", null).body().path("hidden").asBoolean()).isTrue();
        assertThat(sandboxComment(mediaId, commentId).path("hidden").asBoolean()).isTrue();
        assertThat(post("/api/v1/comments/" + commentId + "/unhide", null).body().path("hidden").asBoolean()).isFalse();
        assertThat(sandboxComment(mediaId, commentId).path("hidden").asBoolean()).isFalse();

        Answer deleted = api("DELETE", "/api/v1/comments/" + commentId, null, java.util.Map.of());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(sandboxComment(mediaId, commentId)).isNull();
        assertThat(api("DELETE", "/api/v1/comments/" + commentId, null, java.util.Map.of()).status()).isEqualTo(422);
    }

    private String receivedComment(String mediaId, String text, Instant at) {
        String id = sandbox.personComments(mediaId, AUTHOR, text, at);
        await().atMost(Duration.ofSeconds(30)).until(() -> events("COMMENT", text).size() == 1);
        return id;
    }

    private JsonNode sandboxComment(String mediaId, String commentId) {
        for (JsonNode comment : sandbox.inspect("/_inspect/comments?mediaId=" + mediaId)) {
            if (commentId.equals(comment.path("id").asText())) {
                return comment;
            }
        }
        return null;
    }
}
