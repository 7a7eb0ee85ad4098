package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Shared set-up of every sandbox test: one Spring context (identical properties), real HTTP on a
 * random port with the JDK client, a reset sandbox before each case, and small helpers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "feedgram.sandbox.enabled=true",
        "feedgram.publishing.enabled=false",
        "feedgram.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:sandbox-test",
        "sandbox-test.media=true",
        // The flow is not under test here; no routes keeps the context small and independent of ./routes.
        "camel.main.routes-collector-enabled=false",
        "feedgram.accounts[0].id=a",
        "feedgram.accounts[0].login=instagram",
        "feedgram.accounts[0].ig-user-id=17841400000000011",
        "feedgram.accounts[0].access-token=IGAA-test-a",
        "feedgram.accounts[0].app-id=700000000000011",
        "feedgram.accounts[0].app-secret=secret-a",
        "feedgram.accounts[1].id=b",
        "feedgram.accounts[1].login=facebook",
        "feedgram.accounts[1].ig-user-id=17841400000000022",
        "feedgram.accounts[1].access-token=EAA-test-b",
        "feedgram.accounts[1].app-id=800000000000022",
        "feedgram.accounts[1].app-secret=secret-b",
        // The login tests' own callbacks, registered like a Meta app's Valid OAuth Redirect URIs.
        "feedgram.sandbox.oauth.redirect-uris=" + SandboxTestSupport.CALLBACKS,
})
abstract class SandboxTestSupport {

    static final String USER_A = "17841400000000011";
    static final String TOKEN_A = "IGAA-test-a";
    static final String USER_B = "17841400000000022";
    static final String TOKEN_B = "EAA-test-b";
    static final String IG = "/sandbox/graph.instagram.com/v25.0";
    static final String FB = "/sandbox/graph.facebook.com/v25.0";
    static final String APP_A = "700000000000011";
    static final String SECRET_A = "secret-a";
    static final String APP_B = "800000000000022";
    static final String SECRET_B = "secret-b";
    static final String CALLBACKS = "http://localhost:9/callback,http://localhost:9/fb-callback?from=test";

    /** Redirect URIs none of the login tests registered, some dressed up as a registered one. */
    static Stream<String> unregisteredRedirectUris() {
        return Stream.of("https://evil.example/cb", "http://localhost:9@evil.example/callback",
                "http://evil.example/callback?http://localhost:9/callback", "http://localhost:9/callback/../../evil",
                "http://localhost:9/callback#@evil.example", "http://localhost:10/callback", "https://localhost:9/callback",
                "//evil.example/callback", "javascript:alert(1)", "");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void resetSandbox() {
        assertThat(control("POST", "/sandbox/_reset", "{}").status()).isEqualTo(200);
    }

    String media(String name) {
        return "http://localhost:" + port + "/test-media/" + name;
    }

    // --- raw HTTP

    GraphResponse get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    GraphResponse postForm(String path, Map<String, String> params) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    GraphResponse postJson(String path, String body, String bearerToken) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    GraphResponse control(String method, String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    GraphResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? json.nullNode() : json.readTree(text);
            return new GraphResponse(response.statusCode(), response.headers(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return params;
    }

    // --- account A on graph.instagram.com

    GraphResponse createA(String... keyValues) {
        Map<String, String> params = params(keyValues);
        params.put("access_token", TOKEN_A);
        return postForm(IG + "/" + USER_A + "/media", params);
    }

    String createdA(String... keyValues) {
        GraphResponse response = createA(keyValues);
        assertThat(response.status()).as("create %s", response.body()).isEqualTo(200);
        assertThat(response.id()).matches("\\d{17,18}");
        return response.id();
    }

    GraphResponse statusA(String containerId) {
        return get(IG + "/" + containerId + "?fields=status_code,status,id&access_token=" + TOKEN_A);
    }

    String statusCodeA(String containerId) {
        return statusA(containerId).body().path("status_code").asText();
    }

    GraphResponse publishA(String containerId) {
        return postForm(IG + "/" + USER_A + "/media_publish", params("creation_id", containerId, "access_token", TOKEN_A));
    }

    void advanceClock(String isoDuration) {
        assertThat(control("POST", "/sandbox/_clock", "{\"advance\":\"" + isoDuration + "\"}").status()).isEqualTo(200);
    }

    void configure(String settingsJson) {
        assertThat(control("POST", "/sandbox/_config", settingsJson).status()).isEqualTo(200);
    }

    /** The query parameters of a redirect's {@code Location}, decoded; the fragment is under {@code #}. */
    static Map<String, String> redirectParams(GraphResponse response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(302);
        String location = response.header("Location");
        Map<String, String> params = new LinkedHashMap<>();
        int hash = location.indexOf('#');
        if (hash >= 0) {
            params.put("#", location.substring(hash + 1));
            location = location.substring(0, hash);
        }
        int question = location.indexOf('?');
        params.put("@", question < 0 ? location : location.substring(0, question));
        if (question >= 0) {
            for (String pair : location.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** Creates an image container with {@code token} on {@code graphBase}, waits until it is FINISHED and publishes it. */
    GraphResponse publishImageWith(String graphBase, String igUserId, String token) {
        GraphResponse created = postForm(graphBase + "/" + igUserId + "/media",
                params("image_url", media("ok.jpg"), "caption", "connected", "access_token", token));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> get(graphBase + "/" + created.id()
                + "?fields=status_code&access_token=" + token).body().path("status_code").asText().equals("FINISHED"));
        return postForm(graphBase + "/" + igUserId + "/media_publish", params("creation_id", created.id(), "access_token", token));
    }

    void injectFault(String fault) {
        injectFaultJson("{\"fault\":\"" + fault + "\"}");
    }

    void injectFaultJson(String faultJson) {
        assertThat(control("POST", "/sandbox/_faults", faultJson).status()).isEqualTo(200);
    }

    JsonNode publishedOf(String igUserId) {
        return control("GET", "/sandbox/_inspect/published", "").body().path(igUserId);
    }

    void assertGraphError(GraphResponse response, int httpStatus, int code, Integer subcode) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(httpStatus);
        assertThat(response.code()).as("%s", response.body()).isEqualTo(code);
        if (subcode != null) {
            assertThat(response.subcode()).as("%s", response.body()).isEqualTo(subcode);
        } else {
            assertThat(response.error().has("error_subcode")).as("%s", response.body()).isFalse();
        }
        assertThat(response.error().path("fbtrace_id").asText()).isNotEmpty();
    }
}
