package io.feedgram.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.feedgram.graph.Login;
import io.feedgram.account.AccountState;
import io.feedgram.account.TokenCipher;
import io.feedgram.graph.MetaTransport;
import io.feedgram.post.Post;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostStatus;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.PostOptions;

/** Instagram Login end to end: browser hops, the stored connection, a post that publishes with it, every error. */
@ExtendWith(OutputCaptureExtension.class)
class ConnectInstagramTest extends ConnectTestSupport {

    @Autowired
    TokenCipher cipher;

    @Test
    void connectingBringsBackAnAccountWaitingForReauthorizationAndItsPostPublishes(CapturedOutput output) {
        sandbox.expireToken("IGAA-test-insta-configured");
        String parked = posts.insert(new NewPost("insta", PostKind.FEED, "Parked " + marker,
                List.of(new MediaItem(mediaUrl("ok.jpg"), MediaType.IMAGE, null)), PostOptions.NONE, "test", null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> posts.find(parked).orElseThrow().status() == PostStatus.NEEDS_REAUTH);
        assertThat(states.state("insta").orElseThrow().status()).isEqualTo(AccountState.Status.NEEDS_REAUTH);

        Hop start = open(url("/connect/instagram?account=insta"));
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.location()).startsWith(url("/sandbox/www.instagram.com/oauth/authorize?"));
        Map<String, String> authorize = start.locationParams();
        assertThat(authorize).containsEntry("client_id", "610000000000601")
                .containsEntry("redirect_uri", url("/connect/instagram/callback"))
                .containsEntry("response_type", "code")
                .containsEntry("scope", "instagram_business_basic,instagram_business_content_publish,"
                        + "instagram_business_manage_comments,instagram_business_manage_messages");
        String state = authorize.get("state");
        assertThat(state).isNotBlank();

        Hop login = open(start.location());
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).startsWith(url("/connect/instagram/callback?code="));
        assertThat(login.fragment()).isEqualTo("_");
        assertThat(login.locationParams()).containsEntry("state", state);
        String code = login.locationParams().get("code");

        Hop callback = open(login.location());
        assertThat(callback.status()).isEqualTo(302);
        assertThat(callback.location()).isEqualTo(url("/connect/done?connected=true&account=insta&username=insta"));
        Hop done = open(callback.location());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Connected account insta as @insta");

        var stored = credentials.token("insta").orElseThrow();
        assertThat(stored.source()).isEqualTo("CONNECT");
        assertThat(stored.expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(59)), Instant.now().plus(Duration.ofDays(61)));
        String token = credentials.find("insta").orElseThrow().accessToken();
        assertThat(token).startsWith("IGAA").isNotEqualTo("IGAA-test-insta-configured");

        Post published = awaitPublished(parked);
        assertThat(published.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(sandbox.published(INSTA_USER, marker)).hasSize(1);
        assertThat(states.state("insta").orElseThrow().status()).isEqualTo(AccountState.Status.ACTIVE);

        // Replaying the callback is refused: the state was single use.
        assertFailed(browse(login.location()), ConnectError.SESSION_EXPIRED);
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(code).doesNotContain("insta-app-secret");
    }

    @Test
    void aConnectedAccountPublishesANewPost() {
        sandbox.expireToken("IGAA-test-insta-configured");
        assertThat(ending(browse(url("/connect/instagram?account=insta")))).containsEntry("connected", "true");
        Post post = publishAndWait("insta");
        assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(sandbox.published(INSTA_USER, marker)).hasSize(1);
    }

    @Test
    void aDeniedLoginEndsWithAuthorizationDenied() {
        sandbox.configure("{\"oauth\":{\"decision\":\"deny\"}}");
        List<Hop> hops = browse(url("/connect/instagram?account=insta"));
        assertThat(hops.get(1).locationParams()).containsEntry("error", "access_denied");
        assertFailed(hops, ConnectError.AUTHORIZATION_DENIED);
    }

    @Test
    void loggingInAsAnotherInstagramAccountCannotTakeTheAccountOver() {
        String before = credentials.find("insta").orElseThrow().accessToken();
        sandbox.configure("{\"oauth\":{\"igUserId\":\"17841400000000603\"}}");   // someone else's account

        assertFailed(browse(url("/connect/instagram?account=insta")), ConnectError.WRONG_ACCOUNT);

        assertThat(credentials.find("insta").orElseThrow().accessToken()).isEqualTo(before);
        assertThat(credentials.find("insta").orElseThrow().igUserId()).isEqualTo("17841400000000601");
    }

    @Test
    void aCallbackWithoutCodeOrStateEndsWithMissingParams() {
        assertFailed(browse(url("/connect/instagram/callback")), ConnectError.MISSING_PARAMS);
        assertFailed(browse(url("/connect/instagram/callback?code=abc")), ConnectError.MISSING_PARAMS);
        assertFailed(browse(url("/connect/instagram")), ConnectError.MISSING_PARAMS);
    }

    @Test
    void aForgedOrExpiredStateEndsWithSessionExpired() {
        assertFailed(browse(url("/connect/instagram/callback?code=abc&state=forged.state")), ConnectError.SESSION_EXPIRED);

        SignedState.Signer signer = new SignedState.Signer() {
            @Override
            public String sign(String data) {
                return cipher.sign(data);
            }

            @Override
            public boolean verify(String data, String signature) {
                return cipher.verify(data, signature);
            }
        };
        String expired = new SignedState("insta", Login.INSTAGRAM, "0123456789abcdef", Instant.now().minusSeconds(1)).render(signer);
        assertFailed(browse(url("/connect/instagram/callback?code=abc&state=" + expired)), ConnectError.SESSION_EXPIRED);

        // A state of the other flow does not open this one.
        Hop facebookStart = open(url("/connect/facebook?account=fbook"));
        String facebookState = facebookStart.locationParams().get("state");
        assertFailed(browse(url("/connect/instagram/callback?code=abc&state=" + facebookState)), ConnectError.SESSION_EXPIRED);
    }

    @Test
    void aCodeThatCannotBeExchangedEndsWithTokenExchangeFailed() {
        Hop start = open(url("/connect/instagram?account=insta"));
        Hop login = open(start.location());
        // Someone else redeems the code first: Instagram then refuses the callback's exchange.
        int stolen = postForm(url("/sandbox/api.instagram.com/oauth/access_token"), MetaTransport.parameters(
                "client_id", "610000000000601", "client_secret", "insta-app-secret", "grant_type", "authorization_code",
                "redirect_uri", url("/connect/instagram/callback"), "code", login.locationParams().get("code")));
        assertThat(stolen).isEqualTo(200);
        assertFailed(browse(login.location()), ConnectError.TOKEN_EXCHANGE_FAILED);
    }

    @Test
    void anAccountThatCannotConnectThisWayEndsWithInvalidConfig() {
        assertFailed(browse(url("/connect/instagram?account=noapp")), ConnectError.INVALID_CONFIG);
        assertFailed(browse(url("/connect/instagram?account=fbook")), ConnectError.INVALID_CONFIG);
        assertFailed(browse(url("/connect/instagram?account=nobody")), ConnectError.INVALID_CONFIG);
    }

    Post awaitPublished(String postId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> posts.find(postId).orElseThrow().status(), s -> s == PostStatus.PUBLISHED || s == PostStatus.FAILED);
        return posts.find(postId).orElseThrow();
    }
}
