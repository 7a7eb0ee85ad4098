package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Instagram Login in the sandbox: authorize, code exchange, long-lived exchange, refresh (docs/instagram.md#instagram-login). */
class InstagramLoginTest extends SandboxTestSupport {

    static final String CALLBACK = "http://localhost:9/callback";
    static final String SCOPES = "instagram_business_basic,instagram_business_content_publish";

    GraphResponse authorize(String host, String clientId, String scope, String state) {
        return get("/sandbox/" + host + "/oauth/authorize?client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&response_type=code&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8) + "&state=" + state);
    }

    String code() {
        Map<String, String> redirect = redirectParams(authorize("www.instagram.com", APP_A, SCOPES, "s1"));
        return redirect.get("code");
    }

    GraphResponse exchange(String code, String redirectUri) {
        return postForm("/sandbox/api.instagram.com/oauth/access_token", params("client_id", APP_A, "client_secret", SECRET_A,
                "grant_type", "authorization_code", "redirect_uri", redirectUri, "code", code));
    }

    String shortLivedToken() {
        GraphResponse exchanged = exchange(code(), CALLBACK);
        assertThat(exchanged.status()).as("%s", exchanged.body()).isEqualTo(200);
        return exchanged.body().path("data").path(0).path("access_token").asText();
    }

    GraphResponse upgrade(String shortLived) {
        return get("/sandbox/graph.instagram.com/access_token?grant_type=ig_exchange_token&client_secret=" + SECRET_A
                + "&access_token=" + shortLived);
    }

    String longLivedToken() {
        GraphResponse upgraded = upgrade(shortLivedToken());
        assertThat(upgraded.status()).as("%s", upgraded.body()).isEqualTo(200);
        return upgraded.body().path("access_token").asText();
    }

    GraphResponse refresh(String token) {
        return get("/sandbox/graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token=" + token);
    }

    void assertOAuthError(GraphResponse response, String message) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
        assertThat(response.body().path("error_type").asText()).isEqualTo("OAuthException");
        assertThat(response.body().path("code").asInt()).isEqualTo(400);
        assertThat(response.body().path("error_message").asText()).isEqualTo(message);
    }

    @Test
    void authorizeRedirectsWithASingleUseCodeAndTheState() {
        Map<String, String> redirect = redirectParams(authorize("www.instagram.com", APP_A, SCOPES, "state-1"));
        assertThat(redirect.get("@")).isEqualTo(CALLBACK);
        assertThat(redirect.get("code")).isNotBlank();
        assertThat(redirect.get("state")).isEqualTo("state-1");
        assertThat(redirect.get("#")).isEqualTo("_");

        // The older host and space-separated scopes work too.
        Map<String, String> older = redirectParams(authorize("api.instagram.com", APP_A,
                "instagram_business_basic instagram_business_content_publish", "state-2"));
        assertThat(older.get("code")).isNotBlank().isNotEqualTo(redirect.get("code"));
    }

    @Test
    void authorizeRefusesAnUnknownAppAndInvalidScopes() {
        assertOAuthError(authorize("www.instagram.com", "123", SCOPES, "s"), "Invalid platform app");
        assertOAuthError(authorize("www.instagram.com", APP_B, SCOPES, "s"), "Invalid platform app");
        assertOAuthError(authorize("www.instagram.com", APP_A, "business_basic", "s"), "Invalid Scopes: business_basic");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("io.feedgram.sandbox.SandboxTestSupport#unregisteredRedirectUris")
    void authorizeRefusesAnUnregisteredRedirectUriWithoutRedirecting(String redirectUri) {
        GraphResponse refused = get("/sandbox/www.instagram.com/oauth/authorize?client_id=" + APP_A + "&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + "&response_type=code&scope=" + SCOPES + "&state=s");
        assertOAuthError(refused, "Invalid redirect_uri");
        assertThat(refused.header("Location")).isNull();
    }

    @Test
    void aDeniedLoginRedirectsWithTheDenial() {
        configure("{\"oauth\":{\"decision\":\"deny\"}}");
        GraphResponse response = authorize("www.instagram.com", APP_A, SCOPES, "state-3");
        assertThat(response.header("Location")).isEqualTo(CALLBACK + "?error=access_denied&error_reason=user_denied"
                + "&error_description=The+user+denied+your+request&state=state-3#_");
    }

    @Test
    void theCodeBuysAShortLivedTokenThenALongLivedOneThatPublishes() {
        GraphResponse exchanged = exchange(code(), CALLBACK);
        assertThat(exchanged.status()).as("%s", exchanged.body()).isEqualTo(200);
        JsonNode issued = exchanged.body().path("data").path(0);
        assertThat(issued.path("user_id").asText()).isEqualTo(USER_A);
        assertThat(issued.path("permissions").asText()).isEqualTo(SCOPES);
        String shortLived = issued.path("access_token").asText();
        assertThat(shortLived).startsWith("IGAA");

        GraphResponse upgraded = upgrade(shortLived);
        assertThat(upgraded.status()).as("%s", upgraded.body()).isEqualTo(200);
        assertThat(upgraded.body().path("token_type").asText()).isEqualTo("bearer");
        assertThat(upgraded.body().path("expires_in").asLong()).isEqualTo(5_184_000L);
        String longLived = upgraded.body().path("access_token").asText();
        assertThat(longLived).startsWith("IGAA").isNotEqualTo(shortLived);

        JsonNode me = get(IG + "/me?fields=user_id,username&access_token=" + longLived).body();
        assertThat(me.path("user_id").asText()).isEqualTo(USER_A);
        assertThat(me.path("username").asText()).isEqualTo("a");

        assertThat(publishImageWith(IG, USER_A, longLived).status()).isEqualTo(200);
        assertThat(publishedOf(USER_A)).hasSize(1);
    }

    @Test
    void theFlatShapeIsAKnob() {
        configure("{\"oauth\":{\"exchangeShape\":\"flat\"}}");
        GraphResponse exchanged = exchange(code(), CALLBACK);
        assertThat(exchanged.body().path("access_token").asText()).startsWith("IGAA");
        assertThat(exchanged.body().path("user_id").asText()).isEqualTo(USER_A);
    }

    @Test
    void aCodeIsSingleUse() {
        String code = code();
        assertThat(exchange(code, CALLBACK).status()).isEqualTo(200);
        assertOAuthError(exchange(code, CALLBACK), "Matching code was not found or was already used");
        assertOAuthError(exchange("not-a-code", CALLBACK), "Matching code was not found or was already used");
    }

    @Test
    void theRedirectUriMustMatchExactly() {
        String code = code();
        assertOAuthError(exchange(code, CALLBACK + "/"), "Error validating verification code. Please make sure your"
                + " redirect_uri is identical to the one you used in the OAuth dialog request");
        assertThat(exchange(code, CALLBACK).status()).as("a mismatch does not spend the code").isEqualTo(200);
    }

    @Test
    void aCodeIsValidOneHour() {
        String code = code();
        advanceClock("PT1H");
        assertOAuthError(exchange(code, CALLBACK), "This authorization code has expired");
    }

    @Test
    void theExchangeChecksTheAppAndItsSecret() {
        assertOAuthError(postForm("/sandbox/api.instagram.com/oauth/access_token", params("client_id", APP_A,
                "client_secret", "wrong", "grant_type", "authorization_code", "redirect_uri", CALLBACK, "code", code())),
                "Error validating client secret.");
        assertOAuthError(postForm("/sandbox/api.instagram.com/oauth/access_token", params("client_id", APP_A,
                "client_secret", SECRET_A, "grant_type", "authorization_code", "redirect_uri", CALLBACK)),
                "You must provide a code");
        assertGraphError(get("/sandbox/graph.instagram.com/access_token?grant_type=ig_exchange_token&client_secret=wrong"
                + "&access_token=" + shortLivedToken()), 400, 1, null);
    }

    @Test
    void aShortLivedTokenLastsOneHourAndMustBeUnexpiredToUpgrade() {
        String shortLived = shortLivedToken();
        assertThat(get(IG + "/me?access_token=" + shortLived).status()).isEqualTo(200);
        advanceClock("PT1H");
        assertGraphError(get(IG + "/me?access_token=" + shortLived), 400, 190, 463);
        assertGraphError(upgrade(shortLived), 400, 190, 463);
    }

    @Test
    void onlyAShortLivedTokenIsUpgraded() {
        assertGraphError(upgrade(TOKEN_A), 400, 100, null);
        assertGraphError(upgrade("IGAA-unknown"), 400, 190, null);
    }

    @Test
    void aLongLivedTokenRefreshesOnceADayOld() {
        String longLived = longLivedToken();
        GraphResponse tooEarly = refresh(longLived);
        assertGraphError(tooEarly, 400, 100, null);
        assertThat(tooEarly.error().path("type").asText()).isEqualTo("IGApiException");

        advanceClock("PT24H");
        GraphResponse refreshed = refresh(longLived);
        assertThat(refreshed.status()).as("%s", refreshed.body()).isEqualTo(200);
        assertThat(refreshed.body().path("expires_in").asLong()).isEqualTo(5_184_000L);
        String successor = refreshed.body().path("access_token").asText();
        assertThat(successor).isNotEqualTo(longLived);
        assertThat(get(IG + "/me?access_token=" + successor).status()).isEqualTo(200);
        assertThat(get(IG + "/me?access_token=" + longLived).status()).as("the old one lives on").isEqualTo(200);

        // 60 days from the refresh, not from the first issue.
        advanceClock("P59D");
        assertGraphError(get(IG + "/me?access_token=" + longLived), 400, 190, 463);
        assertThat(get(IG + "/me?access_token=" + successor).status()).isEqualTo(200);
    }

    @Test
    void configuredTokensRefreshToo() {
        assertGraphError(refresh(TOKEN_A), 400, 100, null);
        advanceClock("PT24H");
        assertThat(refresh(TOKEN_A).status()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenCannotBeRefreshed() {
        advanceClock("P60D");
        assertGraphError(refresh(TOKEN_A), 400, 190, 463);
        assertGraphError(refresh(shortLivedToken()), 400, 100, null);
        assertGraphError(postForm("/sandbox/graph.instagram.com/refresh_access_token",
                params("grant_type", "ig_refresh_token", "access_token", TOKEN_A)), 400, 100, 33);
    }

    @Test
    void theTooEarlyAnswerIsAKnob() {
        configure("{\"oauth\":{\"refreshTooYoungCode\":190,\"refreshMinAge\":\"PT48H\"}}");
        advanceClock("PT24H");
        assertGraphError(refresh(TOKEN_A), 400, 190, null);
    }

    @Test
    void aTestCanChooseWhoLogsIn() {
        configure("{\"oauth\":{\"igUserId\":\"17841400000000077\"}}");
        String token = longLivedToken();
        JsonNode me = get(IG + "/me?fields=user_id,username&access_token=" + token).body();
        assertThat(me.path("user_id").asText()).isEqualTo("17841400000000077");
        assertThat(me.path("username").asText()).isEqualTo("sandbox_17841400000000077");
    }
}
