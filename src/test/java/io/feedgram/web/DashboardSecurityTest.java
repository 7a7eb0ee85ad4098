package io.feedgram.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.feedgram.post.PostStatus;
import io.feedgram.system.Sha256;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, point 3, over plain HTTP: without a session no page or fragment answers (only the
 * sign-in page and the static files); an action without the session's CSRF token, or sent from
 * another site, is refused and changes nothing; a session ends when idle and on sign-out; the
 * cookie is HttpOnly and SameSite=Strict; and no page holds a key, token or secret.
 */
class DashboardSecurityTest extends DashboardTestSupport {

    /** Every page and fragment, with ids that exist. */
    private static final List<String> PAGES = List.of("/", "/posts", "/posts?status=FAILED&account=shop",
            "/posts/%s", "/accounts", "/accounts?quota=all", "/accounts/shop/quota", "/feeds",
            "/feeds/blog/preview", "/feeds/gone/preview", "/totals", "/events", "/events?account=shop&type=COMMENT");

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutASessionOnlyTheSignInPageAndStaticFilesAnswer() {
        String id = submit("shop", "FEED", "ok.jpg", tomorrow());
        for (String path : PAGES) {
            HttpResponse<String> page = get(path.formatted(id), null);
            assertThat(page.statusCode()).as(path).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).as(path).hasValue("/sign-in");
            assertThat(page.body()).as(path).isEmpty();
            HttpResponse<String> fragment = send(HttpRequest.newBuilder(uri(path.formatted(id))).header("HX-Request", "true"));
            assertThat(fragment.statusCode()).as(path).isEqualTo(401);
            assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/sign-in");
            assertThat(fragment.body()).isEmpty();
        }
        for (String action : List.of("/posts/%s/cancel", "/posts/%s/retry", "/accounts/spare/refresh",
                "/accounts/shop/disconnect", "/feeds/blog/poll", "/sign-out")) {
            HttpResponse<String> refused = post(action.formatted(id), null, Map.of("_csrf", "guess"));
            assertThat(refused.statusCode()).as(action).isEqualTo(303);
            assertThat(refused.body()).isEmpty();
        }
        assertThat(posts.find(id).orElseThrow().status()).isEqualTo(PostStatus.QUEUED);

        assertThat(get("/sign-in", null).statusCode()).isEqualTo(200);
        assertThat(get("/dashboard.css", null).statusCode()).isEqualTo(200);
        HttpResponse<String> htmx = get("/webjars/htmx.org/dist/htmx.min.js", null);
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    @Test
    void signInGivesAnHttpOnlyStrictCookieAndNeverShowsTheKeyBack() {
        HttpResponse<String> wrong = post("/sign-in", null, Map.of("key", "not-the-key-" + marker));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(wrong.body()).contains("not one of Feedgram's API keys").doesNotContain(marker);

        HttpResponse<String> right = post("/sign-in", null, Map.of("key", KEY));
        assertThat(right.statusCode()).isEqualTo(302);
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("feedgram_session=").contains("HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("Max-Age", "Expires");
        String value = cookie.substring("feedgram_session=".length(), cookie.indexOf(';'));
        assertThat(jdbc.sql("select count(*) from dashboard_session where id_hash = ?").param(value)
                .query(Long.class).single()).as("the cookie's value itself is not stored").isZero();
        assertThat(jdbc.sql("select count(*) from dashboard_session where id_hash = ?").param(Sha256.hex(value))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void actionsWithoutTheTokenOrFromAnotherSiteAreRefusedAndChangeNothing() {
        String id = submit("shop", "FEED", "ok.jpg", tomorrow());
        Signed signed = signIn();
        String cancel = "/posts/" + id + "/cancel";
        assertThat(post(cancel, signed.cookie(), Map.of()).statusCode()).as("no token").isEqualTo(403);
        assertThat(post(cancel, signed.cookie(), Map.of("_csrf", signed.csrf() + "x")).statusCode()).as("wrong token").isEqualTo(403);
        assertThat(post(cancel, signIn().cookie(), Map.of("_csrf", signed.csrf())).statusCode())
                .as("another session's token").isEqualTo(403);
        assertThat(send(action(cancel, signed, "Sec-Fetch-Site", "cross-site")).statusCode()).as("cross-site").isEqualTo(403);
        assertThat(send(action(cancel, signed, "Origin", "https://evil.example")).statusCode()).as("other origin").isEqualTo(403);
        assertThat(send(action("/sign-in", signed, "Sec-Fetch-Site", "cross-site")).statusCode()).as("login CSRF").isEqualTo(403);
        assertThat(posts.find(id).orElseThrow().status()).isEqualTo(PostStatus.QUEUED);

        HttpResponse<String> done = send(action(cancel, signed, "Sec-Fetch-Site", "same-origin"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(posts.find(id).orElseThrow().status()).isEqualTo(PostStatus.CANCELLED);
        HttpResponse<String> again = post(cancel, signed.cookie(), Map.of("_csrf", signed.csrf()));
        assertThat(again.statusCode()).as("the API's rule: a cancelled post cannot be cancelled").isEqualTo(409);
        assertThat(again.body()).contains("A CANCELLED post cannot be cancelled: it has ended.");
    }

    @Test
    void aSessionEndsWhenIdleAndOnSignOut() {
        Signed idle = signIn();
        assertThat(get("/posts", idle.cookie()).statusCode()).isEqualTo(200);
        jdbc.sql("update dashboard_session set last_seen_at = ?")
                .param(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(31)).update();
        assertThat(get("/posts", idle.cookie()).statusCode()).as("idle for 31 minutes").isEqualTo(303);

        Signed leaving = signIn();
        HttpResponse<String> out = post("/sign-out", leaving.cookie(), Map.of("_csrf", leaving.csrf()));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(get("/posts", leaving.cookie()).statusCode()).as("the old cookie after sign-out").isEqualTo(303);
    }

    @Test
    void noPageHoldsAKeyTokenOrSecret() {
        String id = submit("shop", "FEED", "pic.png", null);
        awaitStatus(id, PostStatus.PUBLISHED);
        String comment = "Leak check " + marker;
        sandbox.personComments(mediaIdOf(id), "742084212153673", comment);
        Signed signed = signIn();
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/events?account=shop", signed.cookie()).body().contains(comment));
        StringBuilder everything = new StringBuilder();
        for (String path : PAGES) {
            HttpResponse<String> page = get(path.formatted(id), signed.cookie());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
            everything.append(page.body());
        }
        assertThat(everything).contains("shop", "blog", "Dashboard " + marker, "/media/", comment);
        assertThat(everything.toString()).doesNotContain(KEY, "IGAA", "EAA", "dashboard-spare-secret", "dashboard-shop-secret",
                signed.cookie().substring("feedgram_session=".length()));
    }

    @Test
    void badInputAnswersAPageWithTheApisStatusAndReason() {
        String published = submit("shop", "FEED", "ok.jpg", null);
        awaitStatus(published, PostStatus.PUBLISHED);
        Signed signed = signIn();
        assertRefused(get("/posts?status=NOPE", signed.cookie()), 400, "must be one of");
        assertRefused(get("/posts?cursor=%25%25", signed.cookie()), 400, "cursor");
        assertRefused(get("/posts/no-such-post", signed.cookie()), 404, "No post with id");
        assertRefused(get("/feeds/nofeed/preview", signed.cookie()), 404, "No feed with id nofeed.");
        assertRefused(get("/accounts/nobody/quota", signed.cookie()), 404, "No account with id nobody.");
        assertRefused(get("/events?type=NOPE", signed.cookie()), 400, "must be one of");
        assertRefused(get("/events?cursor=%25%25", signed.cookie()), 400, "cursor");
        Map<String, String> token = Map.of("_csrf", signed.csrf());
        assertRefused(post("/posts/" + published + "/retry", signed.cookie(), token), 409, "it is live on Instagram.");
        assertRefused(post("/feeds/nofeed/poll", signed.cookie(), token), 404, "No feed with id nofeed.");
        assertRefused(post("/accounts/nobody/refresh", signed.cookie(), token), 404, "No account with id nobody.");
    }

    private static void assertRefused(HttpResponse<String> page, int status, String reason) {
        assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("id=\"problem\"", reason);
    }

    private HttpRequest.Builder action(String path, Signed signed, String header, String value) {
        return HttpRequest.newBuilder(uri(path)).header("Cookie", signed.cookie()).header(header, value)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("_csrf", signed.csrf(), "key", KEY)));
    }

    private static String tomorrow() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
