package io.feedgram.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a client sends, the API answers a 4xx problem document or a success, never a 5xx,
 * never hangs on a slow client, never echoes a request header or query parameter, and reads
 * the API key only from the real Authorization header. A new API path joins by being listed
 * in {@link #ENDPOINTS}.
 */
class HostileRequestsTest extends InboxTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Media uploads take images and videos, not JSON: their refusals are their own (415 for anything else). */
    static final String UPLOADS = "/api/v1/media";

    /** Every API path and method, with ids that exist or not (both must be refused cleanly). */
    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"POST", "/api/v1/posts"},
            new String[] {"GET", "/api/v1/posts"},
            new String[] {"GET", "/api/v1/posts/no-such-post"},
            new String[] {"POST", "/api/v1/posts/no-such-post/retry"},
            new String[] {"DELETE", "/api/v1/posts/no-such-post"},
            new String[] {"GET", "/api/v1/accounts"},
            new String[] {"GET", "/api/v1/accounts/alpha"},
            new String[] {"POST", "/api/v1/accounts/nobody/refresh"},
            new String[] {"DELETE", "/api/v1/accounts/nobody/connection"},
            new String[] {"GET", "/api/v1/feeds"},
            new String[] {"POST", "/api/v1/feeds/nofeed/poll"},
            new String[] {"GET", "/api/v1/feeds/nofeed/preview"},
            new String[] {"GET", "/api/v1/openapi.json"},
            new String[] {"GET", "/api/v1/events"},
            new String[] {"GET", "/api/v1/events/no-such-event"},
            new String[] {"GET", "/api/v1/conversations"},
            new String[] {"GET", "/api/v1/conversations/no-such/messages"},
            new String[] {"POST", "/api/v1/conversations/no-such/messages"},
            new String[] {"GET", "/api/v1/replies/no-such-reply"},
            new String[] {"POST", "/api/v1/comments/no-such/replies"},
            new String[] {"POST", "/api/v1/comments/no-such/private-replies"},
            new String[] {"POST", "/api/v1/comments/no-such/hide"},
            new String[] {"DELETE", "/api/v1/comments/no-such"},
            new String[] {"POST", "/api/v1/accounts/nobody/subscriptions"},
            new String[] {"POST", UPLOADS},
            new String[] {"GET", "/api/v1/no-such-path"},
            new String[] {"PUT", "/api/v1/posts"});

    /** A malformed body: its content type, its bytes, and whether every path must refuse it (not JSON). */
    record Body(String name, String contentType, byte[] bytes, boolean notJson) {
        static Body of(String name, String contentType, String text, boolean notJson) {
            return new Body(name, contentType, text.getBytes(StandardCharsets.UTF_8), notJson);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Body> BODIES = List.of(
            Body.of("form", "application/x-www-form-urlencoded", "account=alpha&Authorization=Bearer+test-key", true),
            Body.of("multipart", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n", true),
            Body.of("plain text", "text/plain", "hello", true),
            Body.of("xml", "application/xml", "<post/>", true),
            Body.of("no content type", null, "{\"account\":\"alpha\"}", true),
            Body.of("deep nesting", "application/json", "[".repeat(1000) + "]".repeat(1000), false),
            Body.of("deep object", "application/json", "{\"a\":".repeat(1200) + "1" + "}".repeat(1200), false),
            Body.of("2000-digit number", "application/json", "{\"account\": " + "9".repeat(2000) + "}", false),
            Body.of("60000-char field name", "application/json", "{\"" + "f".repeat(60000) + "\": 1}", false),
            new Body("invalid UTF-8", "application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, false),
            new Body("UTF-16", "application/json", "{\"account\":\"alpha\"}".getBytes(StandardCharsets.UTF_16), false),
            Body.of("json null", "application/json", "null", false),
            Body.of("json array", "application/json", "[1,2]", false),
            Body.of("truncated json", "application/json", "{\"account\": \"alpha\", ", false),
            Body.of("publish_at far away", "application/json",
                    "{\"account\":\"alpha\",\"media\":[{\"url\":\"https://e.com/a.jpg\"}],\"publish_at\":\"+999999999-12-31T23:59:59Z\"}", false),
            Body.of("long collaborators", "application/json",
                    "{\"account\":\"alpha\",\"media\":[{\"url\":\"https://e.com/a.jpg\"}],\"options\":{\"collaborators\":[\""
                            + "c".repeat(9000) + "\"]}}", false),
            Body.of("over the size limit", "application/json", "{\"caption\":\"" + "x".repeat(17 * 1024) + "\"}", false));

    static Stream<Arguments> everyEndpointWithEveryBody() {
        List<Arguments> cases = new ArrayList<>();
        for (String[] endpoint : ENDPOINTS) {
            for (Body body : BODIES) {
                cases.add(Arguments.of(endpoint[0], endpoint[1], body));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("everyEndpointWithEveryBody")
    void aMalformedRequestIsA4xxProblemNeverA5xx(String method, String path, Body body) {
        HttpRequest.Builder request = request(path).header("Authorization", "Bearer " + KEY)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        Answer answer = send(request);

        assertThat(answer.status()).as(answer.response().body()).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("status").asInt()).isEqualTo(answer.status());
            assertThat(answer.body().path("detail").asText()).isNotBlank();
        }
        if (path.equals(UPLOADS)) {
            assertThat(answer.status()).as("nothing here is an image or a video").isBetween(400, 499);
            return;
        }
        if (body.notJson()) {
            assertThat(answer.status()).as("a body that is not JSON").isEqualTo(415);
        }
        if (method.equals("POST") && path.equals("/api/v1/posts")) {
            assertThat(answer.status()).as("a malformed submission").isBetween(400, 499);
        }
        if (body.name().equals("over the size limit")) {
            assertThat(answer.status()).isEqualTo(413);
        }
    }

    /**
     * Meta's door is outside the API and has no key: whatever arrives there unsigned is a 401, wrongly signed a
     * 403, oversized a 413, never a 5xx, never echoed, and nothing of it is stored.
     */
    @Test
    void webhookDeliveriesThatAreNotMetasAreRefusedAndNothingIsStored() {
        int before = jdbc.sql("select count(*) from webhook_delivery").query(Integer.class).single();
        for (Body body : BODIES) {
            for (String signature : new String[] {null, "sha256=00", "sha256=zz", "sha1=abc", ""}) {
                HttpRequest.Builder request = request("/webhooks/instagram?X-Echo-Query=1").header("X-Echo-Header", "echo-me")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
                if (body.contentType() != null) {
                    request.header("Content-Type", body.contentType());
                }
                if (signature != null) {
                    request.header("X-Hub-Signature-256", signature);
                }
                Answer answer = send(request);
                assertThat(answer.status()).as(body + " signed " + signature).isEqualTo(signature == null ? 401 : 403);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.response().headers().map().toString()).doesNotContain("echo-me", "X-Echo");
            }
        }
        byte[] huge = new byte[1024 * 1024 + 1];
        assertThat(send(request("/webhooks/instagram").header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=00").POST(HttpRequest.BodyPublishers.ofByteArray(huge))).status())
                .isEqualTo(413);
        for (String query : List.of("", "?hub.mode=subscribe", "?hub.mode=subscribe&hub.challenge=1&hub.verify_token=",
                "?hub.mode=subscribe&hub.challenge=%25zz&hub.verify_token=x", "?hub.challenge=" + "9".repeat(5000))) {
            assertThat(send(request("/webhooks/instagram" + query).GET()).status()).as(query).isIn(400, 403);
        }
        assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void everyMalformedSubmissionNamesWhatIsWrong() {
        assertThat(fieldsOf("{\"account\":\"alpha\",\"media\":[{\"url\":\"https://e.com/a.jpg\"}],"
                + "\"publish_at\":\"+999999999-12-31T23:59:59Z\"}")).containsExactly("publish_at");
        assertThat(fieldsOf("{\"account\":\"alpha\",\"media\":[{\"url\":\"https://e.com/a.jpg\"}],"
                + "\"options\":{\"collaborators\":[\"" + "c".repeat(9000) + "\"]}}")).containsExactly("options.collaborators[0]");
        assertThat(fieldsOf("{\"account\": " + "9".repeat(2000) + "}")).containsExactly("body");
        assertThat(fieldsOf("[".repeat(1000) + "]".repeat(1000))).containsExactly("body");
        assertThat(fieldsOf("{\"" + "f".repeat(5000) + "\": 1}")).containsExactly("body");
    }

    @Test
    void aCursorHoldingAnImpossibleDateIs400() {
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("+999999999-12-31T23:59:59Z|x".getBytes(StandardCharsets.UTF_8));
        Answer answer = get("/api/v1/posts?cursor=" + cursor);

        RefusedRequestsTest.assertProblem(answer, 400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("cursor");
    }

    @Test
    void anApiKeyOrIdempotencyKeyInTheUrlIsRefused() {
        for (String[] endpoint : ENDPOINTS) {
            Answer inQuery = send(request(endpoint[1] + "?Authorization=Bearer%20" + KEY)
                    .method(endpoint[0], HttpRequest.BodyPublishers.noBody()));
            assertThat(inQuery.status()).as(endpoint[0] + " " + endpoint[1]).isEqualTo(400);
            assertThat(inQuery.contentType()).startsWith("application/problem+json");
            assertThat(inQuery.response().body()).doesNotContain(KEY);
        }
        Answer idempotency = send(request("/api/v1/posts?Idempotency-Key=abc").header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(imagePost("alpha"))));
        assertThat(idempotency.status()).isEqualTo(400);
        assertThat(posts.page(null, "alpha", null, null, 100)).noneMatch(p -> marker.equals(p.caption().substring(8)));
    }

    @Test
    void noRequestHeaderOrQueryParameterAppearsInAResponse() {
        String query = "?Set-Cookie=session%3Devil&Refresh=0%3Burl%3Dhttp%3A%2F%2Fevil.example"
                + "&Access-Control-Allow-Origin=*&X-Echo-Query=1&limit=5";
        for (String[] endpoint : ENDPOINTS) {
            for (boolean withKey : new boolean[] {true, false}) {
                HttpRequest.Builder request = request(endpoint[1] + query).header("X-Echo-Header", "echo-me")
                        .header("Cookie", "c=echo-me").method(endpoint[0], HttpRequest.BodyPublishers.noBody());
                if (withKey) {
                    request.header("Authorization", "Bearer " + KEY);
                }
                Answer answer = send(request);
                for (String name : answer.response().headers().map().keySet()) {
                    assertThat(name.toLowerCase(Locale.ROOT)).as(endpoint[0] + " " + endpoint[1])
                            .isNotIn("set-cookie", "refresh", "access-control-allow-origin", "x-echo-query",
                                    "x-echo-header", "authorization", "cookie", "limit");
                }
                assertThat(answer.response().headers().map().values().toString()).doesNotContain("echo-me", KEY, "evil");
            }
        }
    }

    @Test
    void eightStalledUploadsDoNotStopTheApi() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                stalled.add(startChunkedUpload(true));
                stalled.add(startChunkedUpload(false));
            }
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                Answer list = send(request("/api/v1/posts?limit=1").header("Authorization", "Bearer " + KEY)
                        .timeout(Duration.ofSeconds(1)).GET());
                Answer submitted = send(request("/api/v1/posts").header("Authorization", "Bearer " + KEY)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(1))
                        .POST(HttpRequest.BodyPublishers.ofString(imagePost("gamma"))));
                assertThat(list.status()).isEqualTo(200);
                assertThat(submitted.status()).isEqualTo(202);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            }
            // Without a key, a stalled upload is refused before its body is read; with one, it is cut
            // off when the connection times out (Tomcat answers that itself, 400) or the body deadline passes (408).
            for (int i = 0; i < stalled.size(); i++) {
                assertThat(statusLine(stalled.get(i))).matches(i % 2 == 0 ? "HTTP/1.1 40[08]" : "HTTP/1.1 401");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aRepeatedIdempotencyKeyWithAnotherBodyIs422() {
        String key = "changed-" + marker;
        Answer first = send(request("/api/v1/posts").header("Authorization", "Bearer " + KEY).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(imagePost("alpha"))));
        Answer changed = send(request("/api/v1/posts").header("Authorization", "Bearer " + KEY).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(imagePost("beta"))));

        assertThat(first.status()).isEqualTo(202);
        RefusedRequestsTest.assertProblem(changed, 422);
        assertThat(changed.body().path("detail").asText()).contains("Idempotency-Key");
    }

    @Test
    void aVeryLongMediaUrlThatFailsRecordsTheReason() {
        Answer answer = submit("""
                {"account": "alpha", "caption": "Long %s", "media": [{"url": "%s", "type": "IMAGE"}]}"""
                .formatted(marker, mediaUrl("missing.jpg") + "&pad=" + "p".repeat(1900)));
        assertThat(answer.status()).isEqualTo(202);

        var failed = awaitStatus(answer.body().path("id").asText(), "FAILED");
        // Feedgram fetches the media itself before any container: the reason names the URL's answer.
        assertThat(failed.path("error").path("message").asText()).contains("HTTP 404").contains("missing.jpg");
        assertThat(failed.path("instagram").path("container_ids")).isEmpty();
    }

    @Test
    void tomcatsOwnRefusalsAndUnmatchedPathsAreProblemDocuments() throws IOException {
        for (String line : List.of("GET /api/v1/posts/%zz HTTP/1.1", "GET /a|b HTTP/1.1", "GET /nowhere HTTP/1.1")) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write((line + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(line).startsWith("HTTP/1.1 4").containsIgnoringCase("content-type: application/problem+json")
                        .contains("\"status\":4").doesNotContainIgnoringCase("<html");
            }
        }
    }

    @Test
    void pagesCarryBrowserHardeningHeadersAndHealthShowsNoDetails() {
        Answer health = send(request("/actuator/health").GET());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.response().body()).doesNotContain("details", "diskSpace\":{\"status\":\"UP\",\"details", "path");

        Answer page = send(request("/connect/done?connected=true&account=alpha").GET());
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
    }

    private List<String> fieldsOf(String body) {
        Answer answer = submit(body);
        RefusedRequestsTest.assertProblem(answer, 400);
        return answer.body().path("errors").findValuesAsText("field");
    }

    /** Sends a chunked upload's headers and first chunk, then nothing more. */
    private Socket startChunkedUpload(boolean withKey) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/posts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (withKey ? "Authorization: Bearer " + KEY + "\r\n" : "")
                + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            line.append((char) b);
        }
        return line.toString().strip();
    }
}
