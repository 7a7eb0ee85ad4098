package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Facebook Login in the sandbox: dialog, code exchange, fb_exchange_token, Pages, debug_token (docs/instagram.md#facebook-login). */
class FacebookLoginTest extends SandboxTestSupport {

    static final String CALLBACK = "http://localhost:9/fb-callback?from=test";
    static final String SCOPES = "instagram_basic,instagram_content_publish,pages_show_list,pages_read_engagement";

    GraphResponse dialog(String clientId, String state) {
        return get("/sandbox/www.facebook.com/v25.0/dialog/oauth?client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&scope=" + SCOPES + "&state=" + state);
    }

    String code() {
        return redirectParams(dialog(APP_B, "s")).get("code");
    }

    GraphResponse redeem(String code, String redirectUri, String secret) {
        return get(FB + "/oauth/access_token?client_id=" + APP_B + "&client_secret=" + secret + "&code=" + code
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8));
    }

    String userToken() {
        GraphResponse redeemed = redeem(code(), CALLBACK, SECRET_B);
        assertThat(redeemed.status()).as("%s", redeemed.body()).isEqualTo(200);
        return redeemed.body().path("access_token").asText();
    }

    GraphResponse longLived(String userToken) {
        return get(FB + "/oauth/access_token?grant_type=fb_exchange_token&client_id=" + APP_B + "&client_secret=" + SECRET_B
                + "&fb_exchange_token=" + userToken);
    }

    GraphResponse debug(String token) {
        return get(FB + "/debug_token?input_token=" + token + "&access_token="
                + URLEncoder.encode(APP_B + "|" + SECRET_B, StandardCharsets.UTF_8));
    }

    @Test
    void theDialogRedirectsWithACodeOrTheDenial() {
        Map<String, String> approved = redirectParams(dialog(APP_B, "st"));
        assertThat(approved.get("@")).isEqualTo("http://localhost:9/fb-callback");
        assertThat(approved.get("from")).isEqualTo("test");
        assertThat(approved.get("code")).isNotBlank();
        assertThat(approved.get("state")).isEqualTo("st");

        configure("{\"oauth\":{\"decision\":\"deny\"}}");
        Map<String, String> denied = redirectParams(dialog(APP_B, "st"));
        assertThat(denied).containsEntry("error", "access_denied").containsEntry("error_reason", "user_denied")
                .containsEntry("error_description", "The user denied your request").containsEntry("state", "st")
                .doesNotContainKey("code");

        assertThat(dialog(APP_A, "st").status()).as("an Instagram Login app").isEqualTo(400);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("io.feedgram.sandbox.SandboxTestSupport#unregisteredRedirectUris")
    void theDialogRefusesAnUnregisteredRedirectUriWithoutRedirecting(String redirectUri) {
        GraphResponse refused = get("/sandbox/www.facebook.com/v25.0/dialog/oauth?client_id=" + APP_B + "&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + "&scope=" + SCOPES + "&state=s");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(191);
        assertThat(refused.error().path("message").asText()).startsWith("URL Blocked");
        assertThat(refused.header("Location")).isNull();
    }

    @Test
    void theWholeFlowEndsWithANeverExpiringPageTokenThatPublishes() {
        GraphResponse redeemed = redeem(code(), CALLBACK, SECRET_B);
        assertThat(redeemed.status()).as("%s", redeemed.body()).isEqualTo(200);
        assertThat(redeemed.body().path("expires_in").asLong()).isEqualTo(3600);
        String shortLived = redeemed.body().path("access_token").asText();
        assertThat(shortLived).startsWith("EAA");

        GraphResponse exchanged = longLived(shortLived);
        assertThat(exchanged.status()).as("%s", exchanged.body()).isEqualTo(200);
        assertThat(exchanged.body().path("expires_in").asLong()).isEqualTo(5_183_944L);
        String user = exchanged.body().path("access_token").asText();

        JsonNode pages = get(FB + "/me/accounts?fields=id,name,access_token,instagram_business_account&access_token=" + user).body();
        assertThat(pages.path("data")).hasSize(2);
        assertThat(pages.path("paging").path("cursors").path("after").asText()).isNotEmpty();
        JsonNode linked = pages.path("data").path(0);
        assertThat(linked.path("instagram_business_account").path("id").asText()).isEqualTo(USER_B);
        assertThat(pages.path("data").path(1).has("instagram_business_account")).isFalse();
        String pageToken = linked.path("access_token").asText();

        JsonNode page = get(FB + "/" + linked.path("id").asText() + "?fields=instagram_business_account&access_token=" + pageToken).body();
        assertThat(page.path("instagram_business_account").path("id").asText()).isEqualTo(USER_B);
        assertThat(page.path("id").asText()).isEqualTo(linked.path("id").asText());

        JsonNode pageInfo = debug(pageToken).body().path("data");
        assertThat(pageInfo.path("type").asText()).isEqualTo("PAGE");
        assertThat(pageInfo.path("expires_at").asLong()).isZero();
        assertThat(pageInfo.path("is_valid").asBoolean()).isTrue();
        assertThat(pageInfo.path("app_id").asText()).isEqualTo(APP_B);
        assertThat(pageInfo.path("scopes").toString()).contains("instagram_content_publish");
        JsonNode userInfo = debug(user).body().path("data");
        assertThat(userInfo.path("type").asText()).isEqualTo("USER");
        assertThat(userInfo.path("expires_at").asLong() - userInfo.path("issued_at").asLong()).isEqualTo(60L * 24 * 3600);
        assertThat(userInfo.path("user_id").asText()).isNotBlank();

        advanceClock("P61D");
        assertThat(publishImageWith(FB, USER_B, pageToken).status()).isEqualTo(200);
        assertThat(publishedOf(USER_B)).hasSize(1);
        assertThat(debug(user).body().path("data").path("is_valid").asBoolean()).isFalse();
    }

    @Test
    void subscriptionsAndConversationsBelongToThePageWithItsPageToken() {
        JsonNode linked = get(FB + "/me/accounts?fields=id,access_token,instagram_business_account&access_token=" + TOKEN_B)
                .body().path("data").path(0);
        String pageId = linked.path("id").asText();
        String pageToken = linked.path("access_token").asText();

        assertGraphError(postForm(FB + "/" + USER_B + "/subscribed_apps",
                Map.of("subscribed_fields", "messages", "access_token", pageToken)), 400, 3, null);
        assertGraphError(get(FB + "/" + USER_B + "/conversations?platform=instagram&access_token=" + pageToken), 400, 3, null);
        assertGraphError(postForm(FB + "/" + pageId + "/subscribed_apps",
                Map.of("subscribed_fields", "messages", "access_token", TOKEN_B)), 400, 210, null);

        assertThat(postForm(FB + "/" + pageId + "/subscribed_apps",
                Map.of("subscribed_fields", "comments,messages", "access_token", pageToken)).status()).isEqualTo(200);
        assertThat(get(FB + "/me/subscribed_apps?access_token=" + pageToken).body().path("data").path(0)
                .path("subscribed_fields").toString()).contains("comments", "messages");
        assertThat(get(FB + "/" + pageId + "/conversations?platform=instagram&access_token=" + pageToken).status())
                .isEqualTo(200);
    }

    @Test
    void aPageTokenFromAShortLivedUserTokenDiesWithIt() {
        String user = userToken();
        String pageToken = get(FB + "/me/accounts?fields=access_token&access_token=" + user).body()
                .path("data").path(0).path("access_token").asText();
        advanceClock("PT1H");
        assertGraphError(get(FB + "/me?access_token=" + pageToken), 400, 190, 463);
    }

    @Test
    void aControlUnlinksTheInstagramAccount() {
        configure("{\"oauth\":{\"linkedInstagram\":false}}");
        String user = longLived(userToken()).body().path("access_token").asText();
        JsonNode pages = get(FB + "/me/accounts?fields=id,name,access_token,instagram_business_account&access_token=" + user).body();
        assertThat(pages.path("data")).hasSize(2);
        pages.path("data").forEach(page -> assertThat(page.has("instagram_business_account")).isFalse());
    }

    @Test
    void codesAreSingleUseAndBoundToTheRedirectUri() {
        String code = code();
        assertGraphError(redeem(code, "http://localhost:9/elsewhere", SECRET_B), 400, 100, 36008);
        assertThat(redeem(code, CALLBACK, SECRET_B).status()).isEqualTo(200);
        GraphResponse again = redeem(code, CALLBACK, SECRET_B);
        assertGraphError(again, 400, 100, 36009);
        assertThat(again.error().path("type").asText()).isEqualTo("OAuthException");
        assertGraphError(redeem("nonsense", CALLBACK, SECRET_B), 400, 100, null);
        String late = code();
        advanceClock("PT1H");
        assertGraphError(redeem(late, CALLBACK, SECRET_B), 400, 100, 36007);
    }

    @Test
    void theExchangesCheckTheAppSecret() {
        assertGraphError(redeem(code(), CALLBACK, "wrong"), 400, 1, null);
        assertGraphError(get(FB + "/oauth/access_token?grant_type=fb_exchange_token&client_id=" + APP_B
                + "&client_secret=wrong&fb_exchange_token=" + userToken()), 400, 1, null);
    }

    @Test
    void anExpiredUserTokenCannotBeExchanged() {
        String user = userToken();
        advanceClock("PT1H");
        assertGraphError(longLived(user), 400, 190, 463);
        assertGraphError(longLived(TOKEN_A), 400, 190, null);
    }

    @Test
    void debugTokenNeedsTheAppTokenAndReportsUnknownTokens() {
        JsonNode unknown = debug("EAA-unknown").body().path("data");
        assertThat(unknown.path("is_valid").asBoolean()).isFalse();
        assertThat(unknown.path("error").path("code").asInt()).isEqualTo(190);
        assertGraphError(get(FB + "/debug_token?input_token=" + TOKEN_B + "&access_token="
                + URLEncoder.encode(APP_B + "|wrong", StandardCharsets.UTF_8)), 400, 190, null);
        JsonNode configured = debug(TOKEN_B).body().path("data");
        assertThat(configured.path("is_valid").asBoolean()).isTrue();
        assertThat(configured.path("app_id").asText()).isEqualTo(APP_B);
    }
}
