package io.feedgram.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.feedgram.account.AccountConfig.Login;

/** The pure parts of the connect flows: the signed state, the URLs, reading Meta's answers. */
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

    final ObjectMapper json = new ObjectMapper();

    JsonNode parse(String text) throws Exception {
        return json.readTree(text);
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
                "https://feedgram.example/connect/instagram/callback", ConnectsInstagramAccount.SCOPES, "s.t"))
                .isEqualTo("https://www.instagram.com/oauth/authorize?client_id=123"
                        + "&redirect_uri=https%3A%2F%2Ffeedgram.example%2Fconnect%2Finstagram%2Fcallback"
                        + "&response_type=code&scope=instagram_business_basic%2Cinstagram_business_content_publish&state=s.t");
        assertThat(LoginUrls.facebookDialog("https://www.facebook.com/{version}/dialog/oauth", "v25.0", "9", "http://x/cb", "a,b", "s"))
                .startsWith("https://www.facebook.com/v25.0/dialog/oauth?client_id=9&redirect_uri=http%3A%2F%2Fx%2Fcb");
        assertThat(LoginUrls.withQuery("/done?x=1", OAuthCalls.parameters("error", "a b"))).isEqualTo("/done?x=1&error=a+b");
    }

    @Test
    void theTrailingHashUnderscoreIsStripped() {
        assertThat(LoginUrls.cleanCode("AQBx#_")).isEqualTo("AQBx");
        assertThat(LoginUrls.cleanCode("AQBx")).isEqualTo("AQBx");
    }

    @Test
    void theInstagramCodeExchangeIsReadInEveryShape() throws Exception {
        var wrapped = OAuthResponses.instagramCodeExchange(parse(
                "{\"data\":[{\"access_token\":\"IGAAx\",\"user_id\":\"1020\",\"permissions\":\"instagram_business_basic\"}]}"));
        assertThat(wrapped).get().extracting(OAuthResponses.IssuedToken::accessToken, OAuthResponses.IssuedToken::userId)
                .containsExactly("IGAAx", "1020");
        var flatNumber = OAuthResponses.instagramCodeExchange(parse("{\"access_token\":\"IGAAy\",\"user_id\":102030405060708090}"));
        assertThat(flatNumber).get().extracting(OAuthResponses.IssuedToken::userId).isEqualTo("102030405060708090");
        assertThat(OAuthResponses.instagramCodeExchange(parse("{\"data\":[]}"))).isEmpty();
        assertThat(flatNumber.get().toString()).doesNotContain("IGAAy");
    }

    @Test
    void bearerTokensAndIdentities() throws Exception {
        var token = OAuthResponses.bearer(parse("{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":5183944}"));
        assertThat(token).get().extracting(OAuthResponses.IssuedToken::expiresIn).isEqualTo(5_183_944L);
        assertThat(OAuthResponses.bearer(parse("{\"access_token\":\"t\"}"))).get()
                .extracting(OAuthResponses.IssuedToken::expiresIn).isNull();
        assertThat(OAuthResponses.identity(parse("{\"user_id\":\"17841\",\"username\":\"me\"}")))
                .contains(new OAuthResponses.Identity("17841", "me"));
        assertThat(OAuthResponses.identity(parse("{\"id\":\"17842\"}")))
                .contains(new OAuthResponses.Identity("17842", null));
    }

    @Test
    void onlyPagesWithALinkedInstagramAccountCount() throws Exception {
        var pages = OAuthResponses.linkedPages(parse("""
                {"data":[{"id":"1","name":"Linked","access_token":"EAAp","instagram_business_account":{"id":"17841"}},
                         {"id":"2","name":"Plain","access_token":"EAAq"}],
                 "paging":{"cursors":{"before":"a","after":"b"},"next":"https://graph.facebook.com/v25.0/me/accounts?after=b"}}"""));
        assertThat(pages).containsExactly(new OAuthResponses.LinkedPage("1", "Linked", "EAAp", "17841"));
        assertThat(pages.get(0).toString()).doesNotContain("EAAp");
        assertThat(OAuthResponses.next(parse("{\"data\":[],\"paging\":{\"next\":\"u\"}}"))).contains("u");
    }

    @Test
    void errorsAreDescribedWithoutTheRequest() throws Exception {
        assertThat(OAuthResponses.describeError(parse(
                "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Matching code was not found or was already used\"}")))
                .isEqualTo("OAuthException 400: Matching code was not found or was already used");
        assertThat(OAuthResponses.describeError(parse(
                "{\"error\":{\"message\":\"This authorization code has been used.\",\"code\":100,\"error_subcode\":36009}}")))
                .isEqualTo("code 100/36009: This authorization code has been used.");
    }
}
