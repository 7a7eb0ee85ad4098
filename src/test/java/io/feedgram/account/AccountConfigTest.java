package io.feedgram.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.feedgram.graph.Login;
import org.junit.jupiter.api.Test;

/** An account as declared, for example through docker-compose's environment. */
class AccountConfigTest {

    @Test
    void anEmptyVariableIsNoTokenAndNoApp() {
        AccountConfig account = new AccountConfig("blog", null, "17841400000000001", null, "", " ", "");
        assertThat(account.accessToken()).isNull();
        assertThat(account.appId()).isNull();
        assertThat(account.appSecret()).isNull();
        assertThat(account.login()).isEqualTo(Login.INSTAGRAM);
    }

    @Test
    void givenValuesAreKeptAndSecretsMaskedWhenPrinted() {
        AccountConfig account = new AccountConfig("blog", Login.FACEBOOK, "1784", "1348", "EAA-token", "100", "app-secret");
        assertThat(account.accessToken()).isEqualTo("EAA-token");
        assertThat(account.toString()).doesNotContain("EAA-token", "app-secret");
    }
}
