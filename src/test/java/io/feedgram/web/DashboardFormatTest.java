package io.feedgram.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Feed and Instagram text reaches the pages: only http(s) links survive; times read as the API's, in UTC. */
class DashboardFormatTest {

    private final DashboardFormat format = new DashboardFormat();

    @Test
    void keepsOnlyHttpLinks() {
        assertThat(format.link("https://www.instagram.com/p/abc/")).isEqualTo("https://www.instagram.com/p/abc/");
        assertThat(format.link("http://blog.example/1")).isEqualTo("http://blog.example/1");
        assertThat(format.link("javascript:alert(1)")).isNull();
        assertThat(format.link("JAVASCRIPT:alert(1)")).isNull();
        assertThat(format.link("data:text/html,<script>alert(1)</script>")).isNull();
        assertThat(format.link(" https://leading.space")).isNull();
        assertThat(format.link(null)).isNull();
    }

    @Test
    void writesTimesInUtcToTheSecond() {
        assertThat(format.time(Instant.parse("2026-11-29T20:41:47.981Z"))).isEqualTo("2026-11-29 20:41:47 UTC");
        assertThat(format.time(null)).isEqualTo("—");
    }

    @Test
    void theGateTakesOnlyTheDashboardsPaths() {
        assertThat(DashboardGate.isDashboard("/")).isTrue();
        assertThat(DashboardGate.isDashboard("/posts")).isTrue();
        assertThat(DashboardGate.isDashboard("/posts/abc/retry")).isTrue();
        assertThat(DashboardGate.isDashboard("/accounts/shop/quota")).isTrue();
        assertThat(DashboardGate.isDashboard("/feeds/blog/preview")).isTrue();
        assertThat(DashboardGate.isDashboard("/sign-out")).isTrue();
        assertThat(DashboardGate.isDashboard("/events")).isTrue();
        for (String other : new String[] {"/api/v1/posts", "/api/v1/events", "/webhooks/instagram", "/connect/instagram", "/sandbox/_reset", "/media/a.jpg",
                "/actuator/health", "/demo/feed.xml", "/error", "/dashboard.css", "/webjars/htmx.org/dist/htmx.min.js",
                "/postsx"}) {
            assertThat(DashboardGate.isDashboard(other)).as(other).isFalse();
        }
    }
}
