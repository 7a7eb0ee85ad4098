package io.feedgram.account;

import io.feedgram.testing.MutableClockConfiguration;
import org.springframework.context.annotation.Import;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostStatus;
import io.feedgram.testing.MutableClock;
import io.feedgram.testing.SandboxTestHarness;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 4, point 2: with both clocks moved (Feedgram's and the sandbox's), a token is refreshed
 * when it should be, a young one is left alone, a failing refresh is retried and then shows
 * in health and metrics, and an expired token moves only its account to re-authorization.
 */
@Import(MutableClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:tokens;DB_CLOSE_DELAY=-1",
        "feedgram.sandbox.enabled=true",
        "feedgram.sandbox.processing-delay.image=200ms",
        "feedgram.demo.enabled=false",
        "sandbox-test.media=true",
        "feedgram.publishing.min-interval=0s",
        "feedgram.publishing.poll-initial-delay=200ms",
        "feedgram.publishing.poll-interval=300ms",
        "feedgram.tokens.retries=2",
        "feedgram.tokens.retry-delay=50",
        "feedgram.accounts[0].id=ageing",
        "feedgram.accounts[0].ig-user-id=17841400000000601",
        "feedgram.accounts[0].access-token=IGAA-ageing-token",
        "feedgram.accounts[1].id=flaky",
        "feedgram.accounts[1].ig-user-id=17841400000000602",
        "feedgram.accounts[1].access-token=IGAA-flaky-token",
        "feedgram.accounts[2].id=doomed",
        "feedgram.accounts[2].ig-user-id=17841400000000603",
        "feedgram.accounts[2].access-token=IGAA-doomed-token",
        "feedgram.accounts[3].id=spare",
        "feedgram.accounts[3].ig-user-id=17841400000000604",
        "feedgram.accounts[3].access-token=IGAA-spare-token",
        "feedgram.inbox.api-keys[0]=token-test-key",
})
class TokenRefreshTest extends SandboxTestHarness {


    @Autowired
    MutableClock clock;

    @Autowired
    AccountCredentials credentials;

    @Autowired
    AccountStates states;

    @Autowired
    TokenRefresher refresher;

    @Autowired
    TokenHealthIndicator health;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProducerTemplate camel;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void tokensAreRefreshedWhenDueAndYoungOnesAreLeftAlone() {
        assertThat(refresher.due()).as("tokens loaded a moment ago are too young").isEmpty();

        moveBothClocks(Duration.ofDays(41));              // 19 days before a 60-day token expires
        camel.sendBody("direct:token-refresh-one", "ageing");

        StoredToken refreshed = credentials.token("ageing").orElseThrow();
        assertThat(refreshed.source()).isEqualTo("REFRESH");
        assertThat(refreshed.lastRefreshResult()).isEqualTo("ok");
        assertThat(refreshed.expiresAt()).isAfter(clock.instant().plus(Duration.ofDays(59)));
        assertThat(credentials.find("ageing").orElseThrow().accessToken()).isNotEqualTo("IGAA-ageing-token");
        assertThat(refresher.due()).as("the refreshed token is young again").doesNotContain("ageing");
        // Loading application.yaml again (a restart) keeps the newer token: the file's is unchanged, so stale.
        String current = credentials.find("ageing").orElseThrow().accessToken();
        credentials.syncFromConfiguration();
        assertThat(credentials.find("ageing").orElseThrow().accessToken()).isEqualTo(current);

        // The refreshed token publishes.
        String post = posts.insert(new NewPost("ageing", PostKind.FEED, "after refresh " + marker,
                List.of(new MediaItem(mediaUrl("ok.jpg"), MediaType.IMAGE, null)), PostOptions.NONE, "test", null, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> posts.find(post).orElseThrow().status() == PostStatus.PUBLISHED);
        assertThat(sandbox.published("17841400000000601", marker)).hasSize(1);
    }

    @Test
    void aFailingRefreshIsRetriedThenShowsInHealthAndMetrics() {
        moveBothClocks(Duration.ofDays(45));
        double failuresBefore = meters.counter("feedgram.token.refresh.failures", "account", "flaky").count();

        sandbox.fault("server-error", 2);                 // two failures, then the third attempt works
        camel.sendBody("direct:token-refresh-one", "flaky");
        assertThat(credentials.token("flaky").orElseThrow().lastRefreshResult()).isEqualTo("ok");

        sandbox.fault("server-error", 10);                // more failures than retries
        moveBothClocks(Duration.ofDays(45));
        camel.sendBody("direct:token-refresh-one", "flaky");

        StoredToken failed = credentials.token("flaky").orElseThrow();
        assertThat(failed.refreshFailures()).isEqualTo(1);
        assertThat(failed.lastRefreshResult()).contains("Instagram error 2");
        assertThat(meters.counter("feedgram.token.refresh.failures", "account", "flaky").count()).isEqualTo(failuresBefore + 1);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().get("flaky").toString()).contains("last refresh failed");
        sandbox.clearFaults();
    }

    @Test
    void anExpiredTokenNeedsReauthorizationAndOnlyItsAccountStops() {
        sandbox.expireToken("IGAA-doomed-token");
        moveBothClocks(Duration.ofDays(2));
        String stuck = posts.insert(new NewPost("doomed", PostKind.FEED, "doomed " + marker,
                List.of(new MediaItem(mediaUrl("ok.jpg"), MediaType.IMAGE, null)), PostOptions.NONE, "test", null,
                clock.instant().plus(Duration.ofHours(1))));

        camel.sendBody("direct:token-refresh-one", "doomed");

        assertThat(states.state("doomed").orElseThrow().status()).isEqualTo(AccountState.Status.NEEDS_REAUTH);
        assertThat(posts.find(stuck).orElseThrow().status()).isEqualTo(PostStatus.NEEDS_REAUTH);
        assertThat(credentials.token("doomed").orElseThrow().lastRefreshResult()).contains("190");
        assertThat(states.state("ageing").orElseThrow().status()).isEqualTo(AccountState.Status.ACTIVE);
        assertThat(health.health().getDetails().get("doomed").toString()).contains("needs re-authorization");
    }

    @Test
    void noTokenIsStoredInPlainText() {
        String everything = jdbc.sql("select * from account").query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append('|');
            }
            return row.toString();
        }).list().toString();
        assertThat(everything).contains("v1:").doesNotContain("IGAA-");
    }

    @Test
    void theAccountsApiShowsEachAccountAndNeverASecret() throws Exception {
        HttpResponse<String> list = api("GET", "/api/v1/accounts");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":\"spare\"").contains("\"login\":\"instagram\"")
                .contains("\"connected\":true").doesNotContain("IGAA");

        HttpResponse<String> one = api("GET", "/api/v1/accounts/spare");
        assertThat(one.body()).contains("\"quota\":{\"usage\":0,\"total\":100}").contains("\"state\":\"active\"");

        // Refresh now: the token is younger than 24 h, so Instagram refuses, and the answer says so.
        HttpResponse<String> refreshed = api("POST", "/api/v1/accounts/spare/refresh");
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(refreshed.body()).contains("\"refresh_failures\":1").doesNotContain("IGAA");

        String queued = posts.insert(new NewPost("spare", PostKind.FEED, "spare " + marker,
                List.of(new MediaItem(mediaUrl("ok.jpg"), MediaType.IMAGE, null)), PostOptions.NONE, "test", null,
                clock.instant().plus(Duration.ofHours(1))));
        HttpResponse<String> disconnected = api("DELETE", "/api/v1/accounts/spare/connection");
        assertThat(disconnected.body()).contains("\"connected\":false").contains("\"state\":\"needs-reauth\"");
        assertThat(posts.find(queued).orElseThrow().status()).isEqualTo(PostStatus.NEEDS_REAUTH);
        assertThat(api("GET", "/api/v1/accounts/nobody").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> api(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer token-test-key")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void moveBothClocks(Duration by) {
        clock.advance(by);
        sandbox.advanceClock(by.toString());
    }
}
