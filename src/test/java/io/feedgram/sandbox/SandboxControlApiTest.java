package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The control API refuses what is not meant for it, with an RFC 9457 problem and never a 500:
 * cross-site browser requests, bodies other than JSON, malformed bodies, and clock moves out of bounds.
 */
class SandboxControlApiTest extends SandboxTestSupport {

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("/sandbox/_faults", "{", 400),
                Arguments.of("/sandbox/_faults", "", 400),
                Arguments.of("/sandbox/_faults", "[]", 400),
                Arguments.of("/sandbox/_faults", "{\"fault\":\"no-such-fault\"}", 400),
                Arguments.of("/sandbox/_faults", "{\"fault\":\"server-error\",\"times\":\"many\"}", 400),
                Arguments.of("/sandbox/_faults", "{\"fault\":\"server-error\",\"times\":0}", 400),
                Arguments.of("/sandbox/_clock", "{}", 400),
                Arguments.of("/sandbox/_clock", "{\"advance\":\"tomorrow\"}", 400),
                Arguments.of("/sandbox/_clock", "{\"advance\":{\"hours\":1}}", 400),
                Arguments.of("/sandbox/_clock", "{\"advance\":\"PT99999999999999999999H\"}", 400),
                Arguments.of("/sandbox/_tokens", "{\"token\":\"t\"}", 400),
                Arguments.of("/sandbox/_tokens", "{\"token\":\"t\",\"igUserId\":\"1\",\"login\":\"myspace\"}", 400),
                Arguments.of("/sandbox/_tokens", "{\"token\":\"t\",\"igUserId\":\"1\",\"expiresAt\":\"soon\"}", 400),
                Arguments.of("/sandbox/_tokens/expire", "{\"token\":\"no-such-token\"}", 404),
                Arguments.of("/sandbox/_config", "\"quotaTotal\"", 400),
                Arguments.of("/sandbox/_config", "{\"noSuchSetting\":1}", 400),
                Arguments.of("/sandbox/_config", "{\"quotaTotal\":\"lots\"}", 400),
                Arguments.of("/sandbox/_config", "{\"controlFrom\":[\"0.0.0.0/0\"]}", 400),
                Arguments.of("/sandbox/_config", "{\"oauth\":{\"redirectUris\":[\"https://evil.example/cb\"]}}", 400),
                Arguments.of("/sandbox/_outside-publishes", "{}", 400),
                Arguments.of("/sandbox/_outside-publishes", "{\"igUserId\":\"1\",\"count\":0}", 400),
                Arguments.of("/sandbox/_outside-publishes", "{\"igUserId\":\"1\",\"count\":1001}", 400),
                Arguments.of("/sandbox/_outside-publishes", "{\"igUserId\":\"1\",\"count\":\"some\"}", 400));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("malformedRequests")
    void aMalformedControlRequestIsA4xxProblem(String path, String body, int status) {
        assertProblem(control("POST", path, body), status);
    }

    @Test
    void aHugeOrBackwardClockMoveIsRefusedWithTheLimitAndChangesNothing() {
        for (String advance : new String[] {"PT999999999H", "P401D", "-PT1H", "PT0S"}) {
            GraphResponse refused = control("POST", "/sandbox/_clock", "{\"advance\":\"" + advance + "\"}");
            assertProblem(refused, 400);
            assertThat(refused.body().path("detail").asText()).as(advance).contains("at most PT9600H (400 days)");
        }
        assertThat(control("GET", "/sandbox/_clock", "").body().path("offset").asText()).isEqualTo("PT0S");
        assertThat(get(IG + "/me?fields=id&access_token=" + TOKEN_A).status()).isEqualTo(200);
    }

    @Test
    void theClockRunsAheadAtMost4000DaysAndTheSandboxKeepsWorkingThere() {
        for (int i = 0; i < 10; i++) {
            advanceClock("P400D");
        }
        GraphResponse refused = control("POST", "/sandbox/_clock", "{\"advance\":\"PT1S\"}");
        assertProblem(refused, 400);
        assertThat(refused.body().path("detail").asText()).contains("(4000 days)");
        assertThat(control("POST", "/sandbox/_tokens", "{\"token\":\"IGAA-far-future\",\"igUserId\":\"" + USER_A + "\"}")
                .status()).isEqualTo(200);
        assertThat(get(IG + "/me?fields=id&access_token=IGAA-far-future").body().path("id").asText()).isEqualTo(USER_A);
        assertThat(postForm(IG + "/" + USER_A + "/media", params("image_url", media("ok.jpg"), "access_token", "IGAA-far-future"))
                .status()).isEqualTo(200);
    }

    @Test
    void aCrossSiteFormPostCannotReset() {
        injectFault("rate-limit");
        String form = "application/x-www-form-urlencoded";
        assertProblem(postReset("x=1", "Content-Type", form, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"), 403);
        assertProblem(postReset(null, "Content-Type", form), 415);
        assertProblem(postReset("{}", "Content-Type", "text/plain"), 415);
        assertProblem(postReset(null, "Origin", "http://localhost:" + (port + 1)), 403);
        assertProblem(postReset(null, "Origin", "null"), 403);
        assertProblem(postReset(null, "Sec-Fetch-Site", "same-site"), 403);
        assertThat(control("GET", "/sandbox/_faults", "").body().path("faults")).as("nothing was reset").hasSize(1);
    }

    @Test
    void aPlainOrSameOriginResetStillWorks() {
        injectFault("rate-limit");
        assertThat(postReset(null).status()).isEqualTo(200);
        assertThat(control("GET", "/sandbox/_faults", "").body().path("faults")).isEmpty();
        injectFault("rate-limit");
        assertThat(postReset(null, "Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
        assertThat(control("GET", "/sandbox/_faults", "").body().path("faults")).isEmpty();
    }

    @Test
    void aJsonBodyMustSayItIsJson() {
        assertProblem(send(HttpRequest.newBuilder(uri("/sandbox/_faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"fault\":\"rate-limit\"}"))), 415);
        assertThat(control("GET", "/sandbox/_faults", "").body().path("faults")).isEmpty();
    }

    /** {@code POST /sandbox/_reset} as a browser or a script might send it; a null body sends none. */
    private GraphResponse postReset(String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/sandbox/_reset"))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    static void assertProblem(GraphResponse response, int status) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().path("type").asText()).startsWith("urn:feedgram:problem:sandbox-");
        assertThat(response.body().path("title").asText()).isNotBlank();
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.body().path("detail").asText()).isNotBlank();
    }
}
