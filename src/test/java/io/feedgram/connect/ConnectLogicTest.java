package io.feedgram.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.feedgram.graph.Login;
import io.feedgram.graph.MetaTransport;

/** The pure parts of the connect flows: the signed state and the URLs. */
class ConnectLogicTest {

    /** A stand-in HMAC: the signature is the data reversed plus a key. */
    static SignedState.Signer signer(String key) {
        return new SignedState.Signer() {
            @Override
            public String sign(String data) {
                return Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((key + new StringBuilder(data).reverse()).getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public boolean verify(String data, String signature) {
                return sign(data).equals(signature);
            }
        };
    }

    @Test
    void aStateRoundTripsAndRefusesTampering() {
        SignedState state = new SignedState("blog", Login.FACEBOOK, "abc123", Instant.ofEpochSecond(1_800_000_000L));
        String text = state.render(signer("k1"));
        assertThat(SignedState.parse(text, signer("k1"))).contains(state);
        assertThat(SignedState.parse(text, signer("k2"))).as("another key").isEmpty();
        String otherAccount = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("other|FACEBOOK|abc123|1800000000".getBytes(StandardCharsets.UTF_8));
        assertThat(SignedState.parse(otherAccount + text.substring(text.indexOf('.')), signer("k1"))).isEmpty();
        assertThat(SignedState.parse("no-dot", signer("k1"))).isEmpty();
        assertThat(SignedState.parse("!!!.sig", signer("k1"))).isEmpty();
        assertThat(SignedState.parse(null, signer("k1"))).isEmpty();
    }

    @Test
    void loginUrlsCarryEveryParameterEncoded() {
        assertThat(LoginUrls.instagramAuthorize("https://www.instagram.com/oauth/authorize", "123",
                "https://feedgram.example/connect/instagram/callback", "instagram_business_basic,instagram_business_content_publish", "s.t"))
                .isEqualTo("https://www.instagram.com/oauth/authorize?client_id=123"
                        + "&redirect_uri=https%3A%2F%2Ffeedgram.example%2Fconnect%2Finstagram%2Fcallback"
                        + "&response_type=code&scope=instagram_business_basic%2Cinstagram_business_content_publish&state=s.t");
        assertThat(LoginUrls.facebookDialog("https://www.facebook.com/{version}/dialog/oauth", "v25.0", "9", "http://x/cb", "a,b", "s"))
                .startsWith("https://www.facebook.com/v25.0/dialog/oauth?client_id=9&redirect_uri=http%3A%2F%2Fx%2Fcb");
        assertThat(LoginUrls.withQuery("/done?x=1", MetaTransport.parameters("error", "a b"))).isEqualTo("/done?x=1&error=a+b");
    }

    @Test
    void theTrailingHashUnderscoreIsStripped() {
        assertThat(LoginUrls.cleanCode("AQBx#_")).isEqualTo("AQBx");
        assertThat(LoginUrls.cleanCode("AQBx")).isEqualTo("AQBx");
    }
}
