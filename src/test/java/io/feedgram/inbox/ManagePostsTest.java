package io.feedgram.inbox;

import static io.feedgram.inbox.RefusedRequestsTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Listing, retrying and cancelling posts, and the API's OpenAPI document. */
class ManagePostsTest extends InboxTestSupport {

    @Test
    void aFailedPostIsRetriedFromScratchAndPublished() {
        sandbox.faultFor("video-processing-error", BETA, null);
        String id = submit(reel("beta")).body().path("id").asText();

        JsonNode failed = awaitStatus(id, "FAILED");
        assertThat(failed.path("error").path("subcode").asInt()).isEqualTo(2207026);
        assertThat(failed.path("instagram").path("container_ids")).isNotEmpty();
        sandbox.clearFaults();

        Answer retried = send("POST", "/api/v1/posts/" + id + "/retry");

        assertThat(retried.status()).as(retried.response().body()).isEqualTo(202);
        assertThat(retried.header("Location")).isEqualTo("/api/v1/posts/" + id);
        assertThat(retried.body().path("status").asText()).isIn("QUEUED", "CONTAINERS_CREATED");
        assertThat(retried.body().path("error").isNull()).isTrue();
        assertThat(posts.find(id).orElseThrow().error()).isNull();
        awaitStatus(id, "PUBLISHED");
        assertThat(sandbox.published(BETA, marker)).hasSize(1);
    }

    @Test
    void anUnconfirmedPostIsReconciledNotPostedAgain() {
        // media_publish publishes but its answer is lost, and the container cannot be read:
        // the outcome is unknown until a read succeeds.
        sandbox.faultFor("publish-committed-response-lost", ALPHA, 1);
        sandbox.faultFor("status-read-outage", ALPHA, null);
        String id = submit(imagePost("alpha")).body().path("id").asText();
        awaitStatus(id, "UNCONFIRMED");

        Answer retried = send("POST", "/api/v1/posts/" + id + "/retry");

        assertThat(retried.status()).as(retried.response().body()).isEqualTo(202);
        assertThat(retried.body().path("status").asText()).isEqualTo("UNCONFIRMED");
        assertThat(retried.body().path("history").findValuesAsText("detail"))
                .contains("reconciliation requested through the API");
        sandbox.clearFaults();
        awaitStatus(id, "PUBLISHED");
        assertThat(sandbox.published(ALPHA, marker)).hasSize(1);
    }

    @Test
    void aQueuedPostIsCancelledAndAPublishedOneIsNot() {
        String later = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        String queued = submit(imagePost("alpha").replace("\"media\"", "\"publish_at\": \"" + later + "\", \"media\""))
                .body().path("id").asText();
        String published = submit(imagePost("alpha")).body().path("id").asText();
        awaitStatus(published, "PUBLISHED");

        Answer cancelled = send("DELETE", "/api/v1/posts/" + queued);

        assertThat(cancelled.status()).as(cancelled.response().body()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("history").findValuesAsText("status")).containsExactly("QUEUED", "CANCELLED");
        assertProblem(send("DELETE", "/api/v1/posts/" + queued), 409);
        assertProblem(send("DELETE", "/api/v1/posts/" + published), 409);
        assertProblem(send("POST", "/api/v1/posts/" + published + "/retry"), 409);
        assertProblem(send("POST", "/api/v1/posts/" + queued + "/retry"), 409);
        assertProblem(send("DELETE", "/api/v1/posts/no-such-post"), 404);
        assertThat(sandbox.published(ALPHA, marker)).hasSize(1);
    }

    @Test
    void postsAreListedNewestFirstPageByPage() {
        String later = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(submit(imagePost("gamma").replace("\"media\"", "\"publish_at\": \"" + later + "\", \"media\""))
                    .body().path("id").asText());
        }

        List<String> listed = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Answer page = get("/api/v1/posts?account=gamma&status=QUEUED&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.response().body()).isEqualTo(200);
            sizes.add(page.body().path("items").size());
            page.body().path("items").forEach(item -> listed.add(item.path("id").asText()));
            cursor = page.body().path("next_cursor").isNull() ? null : page.body().path("next_cursor").asText();
        } while (cursor != null);

        assertThat(sizes).containsExactly(2, 2, 1);
        java.util.Collections.reverse(submitted);
        assertThat(listed).containsExactlyElementsOf(submitted);
        assertThat(get("/api/v1/posts?account=gamma&status=PUBLISHED").body().path("items")).isEmpty();
        assertThat(get("/api/v1/posts?account=gamma").body().path("items")).hasSize(5);
    }

    @Test
    void theOpenApiDocumentListsThePaths() {
        Answer answer = send(request("/api/v1/openapi.json").GET());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode paths = answer.body().path("paths");
        assertThat(paths.has("/posts") || paths.has("/api/v1/posts")).as(paths.toString()).isTrue();
        assertThat(answer.response().body()).contains("/posts/{id}/retry", "/posts/{id}", "Idempotency-Key");
        assertThat(answer.body().path("info").path("title").asText()).isEqualTo("Feedgram API");
    }

    private String reel(String account) {
        return """
                {"account": "%s", "kind": "REEL", "caption": "Reel %s", "media": [{"url": "%s"}]}"""
                .formatted(account, marker, mediaUrl("clip.mp4"));
    }
}
