package io.feedgram.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.feedgram.account.AccountConfig;
import org.junit.jupiter.api.Test;

class GraphClientTest {

    private final AccountConfig account = new AccountConfig("a", AccountConfig.Login.INSTAGRAM, "1784",
            "IGAAsecret-token-value", "123", "app-secret-value");

    @Test
    void instagramMessagesThatQuoteTheTokenOrSecretAreRedacted() {
        assertThat(GraphClient.redact("Malformed access token IGAAsecret-token-value", account))
                .isEqualTo("Malformed access token [redacted]");
        assertThat(GraphClient.redact("bad proof for app-secret-value", account)).isEqualTo("bad proof for [redacted]");
        assertThat(GraphClient.redact("Media ID is not available", account)).isEqualTo("Media ID is not available");
        assertThat(GraphClient.redact(null, account)).isNull();
        // A call that carries another token (a Facebook user token) keeps that one out too.
        assertThat(GraphClient.redact("Malformed access token EAAuser-token-1234", account, "EAAuser-token-1234"))
                .isEqualTo("Malformed access token [redacted]");
    }

    @Test
    void accountsNeverPrintTheirSecrets() {
        assertThat(account.toString()).doesNotContain("IGAAsecret-token-value").doesNotContain("app-secret-value");
    }
}
