package io.feedgram.connect;

import io.feedgram.account.TokenRefresher;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.feedgram.post.Post;
import io.feedgram.post.PostStatus;

/** Facebook Login end to end: dialog, Pages, the stored Page token and user token, a post, every error. */
class ConnectFacebookTest extends ConnectTestSupport {

    @Autowired
    TokenRefresher refresher;

    @Autowired
    ProducerTemplate camel;

    @Test
    void connectingStoresTheNeverExpiringPageTokenThatPublishes() {
        sandbox.expireToken("EAA-test-fbook-configured");

        Hop start = open(url("/connect/facebook?account=fbook"));
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.location()).startsWith(url("/sandbox/www.facebook.com/v25.0/dialog/oauth?"));
        Map<String, String> dialog = start.locationParams();
        assertThat(dialog).containsEntry("client_id", "620000000000602")
                .containsEntry("redirect_uri", url("/connect/facebook/callback"))
                .containsEntry("response_type", "code")
                .containsEntry("scope", "instagram_basic,instagram_content_publish,pages_show_list,pages_read_engagement,"
                        + "instagram_manage_comments,instagram_manage_messages,pages_manage_metadata,pages_messaging");

        Hop login = open(start.location());
        assertThat(login.location()).startsWith(url("/connect/facebook/callback?code="));
        assertThat(login.locationParams()).containsEntry("state", dialog.get("state"));

        Hop callback = open(login.location());
        assertThat(callback.location()).isEqualTo(url("/connect/done?connected=true&account=fbook&username=fbook"));
        assertThat(open(callback.location()).body()).contains("Connected account fbook as @fbook");

        var stored = credentials.token("fbook").orElseThrow();
        assertThat(stored.source()).isEqualTo("CONNECT");
        assertThat(stored.expiresAt()).as("a Page token never expires").isNull();
        assertThat(stored.userTokenExpiresAt()).isBetween(Instant.now().plus(Duration.ofDays(59)), Instant.now().plus(Duration.ofDays(61)));
        assertThat(credentials.userToken("fbook")).get().asString().startsWith("EAA");
        assertThat(credentials.find("fbook").orElseThrow().accessToken()).startsWith("EAA").isNotEqualTo("EAA-test-fbook-configured");
        assertThat(credentials.find("fbook").orElseThrow().igUserId()).isEqualTo(FBOOK_USER);

        Post post = publishAndWait("fbook");
        assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(sandbox.published(FBOOK_USER, marker)).hasSize(1);
    }

    @Test
    void aConnectedAccountRefreshesItsUserTokenAndDerivesThePageTokenAgain() {
        connectThenRefresh();
    }

    @Test
    void theRefreshFindsAPageThatMeAccountsListsOnlyOnItsSecondPage() {
        // One Page per list, the linked one last: the refresh must follow paging.next as the connect flow does.
        sandbox.configure("{\"oauth\":{\"pagesPerList\":1,\"linkedPageLast\":true}}");
        connectThenRefresh();
    }

    /** Connects fbook, lets its user token age into the refresh window, refreshes it and publishes with the new Page token. */
    private void connectThenRefresh() {
        Hop start = open(url("/connect/facebook?account=fbook"));
        Hop callback = open(open(start.location()).location());
        assertThat(callback.location()).contains("connected=true");
        String pageToken = credentials.find("fbook").orElseThrow().accessToken();
        String userToken = credentials.userToken("fbook").orElseThrow();
        assertThat(refresher.due()).as("just connected: too young to refresh").doesNotContain("fbook");

        clock.advance(Duration.ofDays(45));               // the 60-day user token is inside the refresh window
        sandbox.advanceClock("PT1080H");
        try {
            assertThat(refresher.due()).contains("fbook");
            camel.sendBody("direct:token-refresh-one", "fbook");

            var stored = credentials.token("fbook").orElseThrow();
            assertThat(stored.source()).isEqualTo("REFRESH");
            assertThat(stored.lastRefreshResult()).isEqualTo("ok");
            assertThat(stored.expiresAt()).as("the Page token still never expires").isNull();
            assertThat(stored.userTokenExpiresAt()).isAfter(clock.instant().plus(Duration.ofDays(59)));
            assertThat(credentials.userToken("fbook")).get().isNotEqualTo(userToken);
            assertThat(credentials.find("fbook").orElseThrow().accessToken()).startsWith("EAA").isNotEqualTo(pageToken);
            assertThat(publishAndWait("fbook").status()).isEqualTo(PostStatus.PUBLISHED);
        } finally {
            clock.reset();
        }
    }

    @Test
    void noLinkedInstagramAccountEndsWithNoInstagramAccount() {
        sandbox.configure("{\"oauth\":{\"linkedInstagram\":false}}");
        List<Hop> hops = browse(url("/connect/facebook?account=fbook"));
        assertFailed(hops, ConnectError.NO_INSTAGRAM_ACCOUNT);
        assertThat(ending(hops).get("message")).contains("None of your Facebook Pages has an Instagram professional account linked")
                .contains("Link the Instagram professional account to a Facebook Page in the Page's settings")
                .contains("then connect again");
    }

    @Test
    void aDeniedLoginEndsWithAuthorizationDenied() {
        sandbox.configure("{\"oauth\":{\"decision\":\"deny\"}}");
        assertFailed(browse(url("/connect/facebook?account=fbook")), ConnectError.AUTHORIZATION_DENIED);
    }

    @Test
    void theOtherErrors() {
        assertFailed(browse(url("/connect/facebook/callback?state=x")), ConnectError.MISSING_PARAMS);
        assertFailed(browse(url("/connect/facebook/callback?code=x&state=x.y")), ConnectError.SESSION_EXPIRED);
        assertFailed(browse(url("/connect/facebook?account=insta")), ConnectError.INVALID_CONFIG);

        Hop login = open(open(url("/connect/facebook?account=fbook")).location());
        String tampered = login.location().replaceFirst("code=[^&]+", "code=not-the-code");
        assertFailed(browse(tampered), ConnectError.TOKEN_EXCHANGE_FAILED);
    }
}
