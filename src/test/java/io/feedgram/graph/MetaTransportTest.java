package io.feedgram.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.feedgram.system.DurableWrites;
import io.feedgram.testing.KilledH2;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pure parts of the transport (redaction, the error shapes, paging links), and which calls make earlier commits
 * durable first, against a real HTTP server and a "killed" H2 file ({@link KilledH2}).
 */
class MetaTransportTest {

    private final GraphCredentials account = new GraphCredentials("1784", Login.INSTAGRAM,
            "IGAAsecret-token-value", new MetaApp("123", "app-secret-value"), null);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void instagramMessagesThatQuoteTheTokenOrSecretAreRedacted() {
        String token = account.accessToken();
        String secret = account.app().appSecret();
        assertThat(MetaTransport.redact("Malformed access token IGAAsecret-token-value", token, secret))
                .isEqualTo("Malformed access token [redacted]");
        assertThat(MetaTransport.redact("bad proof for app-secret-value", token, secret)).isEqualTo("bad proof for [redacted]");
        assertThat(MetaTransport.redact("Media ID is not available", token, secret)).isEqualTo("Media ID is not available");
        assertThat(MetaTransport.redact(null, token, secret)).isNull();
        // A call that carries another token (a Facebook user token) keeps that one out too.
        assertThat(MetaTransport.redact("Malformed access token EAAuser-token-1234", token, secret, "EAAuser-token-1234"))
                .isEqualTo("Malformed access token [redacted]");
    }

    @Test
    void accountsNeverPrintTheirSecrets() {
        assertThat(account.toString()).doesNotContain("IGAAsecret-token-value").doesNotContain("app-secret-value");
    }

    @Test
    void bothErrorShapesBecomeAGraphErrorWithoutTheSecrets() throws Exception {
        GraphError oauth = MetaTransport.error(parse(
                "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Matching code was not found or was already used\"}"),
                List.of());
        assertThat(oauth).isEqualTo(new GraphError(400, null, "OAuthException",
                "Matching code was not found or was already used", null, null, null));
        GraphError graph = MetaTransport.error(parse(
                "{\"error\":{\"message\":\"This authorization code has been used: AQBcode\",\"code\":100,\"error_subcode\":36009}}"),
                List.of("AQBcode"));
        assertThat(graph.describe()).isEqualTo("Instagram error 100/36009: This authorization code has been used: [redacted]");
        assertThat(MetaTransport.error(parse("{\"data\":[]}"), List.of())).isNull();
    }

    @Test
    void theNextListIsTheAbsolutePagingLink() throws Exception {
        assertThat(MetaTransport.next(parse("{\"data\":[],\"paging\":{\"next\":\"u\"}}"))).contains("u");
        assertThat(MetaTransport.next(parse("{\"data\":[],\"paging\":{\"cursors\":{\"after\":\"b\"}}}"))).isEmpty();
    }

    @Test
    void aPostWaitsForEarlierCommitsToBeDurable(@TempDir Path dir) throws Exception {
        assertThat(rowsAfterKill(dir, (transport, url) -> transport.post(url, Map.of(), "token", "publish")))
                .as("the mark committed before the call survives").isEqualTo(1);
    }

    @Test
    void aRepeatablePostDoesNotWait(@TempDir Path dir) throws Exception {
        assertThat(rowsAfterKill(dir, (transport, url) -> transport.postRepeatable(url, Map.of(), "token", "create")))
                .as("nothing forced the commit out, so the kill lost it").isZero();
    }

    private interface Call {
        void make(MetaTransport transport, String url);
    }

    /** Commits a row, makes {@code call} to a server answering {@code {"id":"1"}}, "kills" H2, counts what it kept. */
    private int rowsAfterKill(Path dir, Call call) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v25.0/1784/media";
            return KilledH2.rowsKeptAfter(dir, (jdbc, h2) -> {
                MetaTransport transport = new MetaTransport(new GraphProperties(null, null, "v25.0", Duration.ofSeconds(5),
                        Duration.ofSeconds(5)), json, new GraphCallMeter(new SimpleMeterRegistry()), new DurableWrites(jdbc, h2));
                call.make(transport, url);
            });
        } finally {
            server.stop(0);
        }
    }

    private JsonNode parse(String text) throws Exception {
        return json.readTree(text);
    }
}
