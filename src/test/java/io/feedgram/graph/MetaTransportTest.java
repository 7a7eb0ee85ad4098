package io.feedgram.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The pure parts of the transport: redaction, the error shapes, paging links. */
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

    private JsonNode parse(String text) throws Exception {
        return json.readTree(text);
    }
}
