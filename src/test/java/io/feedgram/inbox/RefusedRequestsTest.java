package io.feedgram.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

/** Bad requests are answered with a problem and never reach the pipeline. */
class RefusedRequestsTest extends InboxTestSupport {

    @Test
    void aMissingOrWrongKeyIs401() {
        Answer none = send(request("/api/v1/posts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(imagePost("alpha"))));
        Answer wrong = send(request("/api/v1/posts").header("Authorization", "Bearer not-a-key")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(imagePost("alpha"))));
        Answer basic = send(request("/api/v1/posts/x").header("Authorization", "Basic dGVzdC1rZXk6").GET());
        Answer list = send(request("/api/v1/posts").GET());

        for (Answer answer : new Answer[] {none, wrong, basic, list}) {
            assertProblem(answer, 401);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(answer.response().body()).doesNotContain("not-a-key");
        }
        assertThat(posts.page(null, "alpha", null, null, 100)).noneMatch(p -> p.caption().contains(marker));
    }

    @Test
    void anUnknownAccountIs422() {
        Answer answer = submit(imagePost("nobody"));

        assertProblem(answer, 422);
        assertThat(answer.body().path("errors").get(0).path("field").asText()).isEqualTo("account");
        assertThat(posts.page(null, "nobody", null, null, 10)).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Answer text = send(request("/api/v1/posts").header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(imagePost("alpha"))));
        Answer none = send(request("/api/v1/posts").header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString(imagePost("alpha"))));

        assertProblem(text, 415);
        assertProblem(none, 415);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        // the tests set feedgram.api.max-body-size=16KB
        Answer answer = submit(imagePost("alpha").replace("Caption ", "x".repeat(17 * 1024)));

        assertProblem(answer, 413);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WithoutBeingReadWhole() {
        // No Content-Length: 8 MB sent in chunks; only the first 16 KB + 1 byte are ever read.
        byte[] big = ("{\"account\": \"alpha\", \"caption\": \"" + "x".repeat(8 * 1024 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Answer answer = send(request("/api/v1/posts").header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));

        assertProblem(answer, 413);
    }

    @Test
    void malformedJsonIs400() {
        Answer answer = submit("{\"account\": \"alpha\", ");

        assertProblem(answer, 400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("body");
    }

    @Test
    void everyOffendingFieldIsNamedTogether() {
        String longCaption = "x".repeat(2201);
        Answer answer = submit("""
                {"kind": "REEL", "caption": "%s",
                 "media": [{"url": "ftp://example.com/a.mp4"}, {"url": "https://example.com/b.gif"},
                           {"url": "https://example.com/c.jpg", "type": "SOUND"}]}""".formatted(longCaption));

        assertProblem(answer, 400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "account", "caption", "media[0].url", "media[1].type", "media[2].type");
        assertThat(answer.body().path("errors").get(0).path("message").asText()).isNotBlank();
    }

    @Test
    void mediaCountsAndReelsAre400() {
        assertThat(fields(submit("{\"account\": \"alpha\", \"media\": []}"))).containsExactly("media");
        String eleven = String.join(",", java.util.Collections.nCopies(11, "{\"url\": \"https://e.com/a.jpg\"}"));
        assertThat(fields(submit("{\"account\": \"alpha\", \"media\": [" + eleven + "]}"))).containsExactly("media");
        assertThat(fields(submit("{\"account\": \"alpha\", \"kind\": \"REEL\", \"media\": [{\"url\": \"https://e.com/a.jpg\"}]}")))
                .containsExactly("media");
        assertThat(fields(submit("{\"account\": \"alpha\", \"kind\": \"ALBUM\", \"media\": [{\"url\": \"https://e.com/a.jpg\"}]}")))
                .containsExactly("kind");
        assertThat(fields(submit("{\"account\": \"alpha\", \"caption\": \"" + "#t ".repeat(31)
                + "\", \"media\": [{\"url\": \"https://e.com/a.jpg\"}]}"))).containsExactly("caption");
    }

    @Test
    void badListParametersAre400() {
        Answer answer = get("/api/v1/posts?status=LOST&limit=500&cursor=%21%21");

        assertProblem(answer, 400);
        assertThat(answer.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("status", "limit", "cursor");
    }

    private java.util.List<String> fields(Answer answer) {
        assertProblem(answer, 400);
        return answer.body().path("errors").findValuesAsText("field");
    }

    static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.body().path("type").asText()).startsWith("urn:feedgram:problem:");
        assertThat(answer.body().path("title").asText()).isNotBlank();
        assertThat(answer.body().path("detail").asText()).isNotBlank();
    }
}
