package io.feedgram.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.feedgram.FeedgramApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With the sandbox off, Feedgram fetches no feed on a private address, whether the feed URL or one
 * of its redirects points there, unless {@code feedgram.fetch.allowed-private-hosts} lists the host.
 * The feeds are served by the application itself on localhost, which is listed by name only, so
 * {@code 127.0.0.1} stays refused.
 */
class FeedPrivateAddressTest {

    private static final String REFUSED = ", a loopback address; Feedgram does not fetch private addresses "
            + "(feedgram.fetch.allowed-private-hosts)";

    private ConfigurableApplicationContext feedgram;

    @AfterEach
    void stop() {
        if (feedgram != null) {
            feedgram.close();
        }
    }

    @Test
    void feedsOnPrivateAddressesAreRefusedUnlessTheirHostIsAllowed() {
        String local = "http://localhost:${local.server.port}/test-feeds/file/poll-blog.xml";
        String loopback = "http://127.0.0.1:${local.server.port}/test-feeds/file/poll-blog.xml";
        String redirect = "http://localhost:${local.server.port}/test-feeds/redirect?host=127.0.0.1"
                + "&path=/test-feeds/file/poll-blog.xml";
        feedgram = new SpringApplicationBuilder(FeedgramApplication.class).run(
                "--server.port=0", "--feedgram.demo.enabled=false", "--feedgram.sandbox.enabled=false",
                "--feedgram.publishing.enabled=false", "--feed-test.server=true",
                "--feedgram.security.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--spring.datasource.url=jdbc:h2:mem:feed-private-address",
                "--feedgram.fetch.check=200ms", "--feedgram.fetch.allowed-private-hosts=localhost",
                "--feedgram.accounts[0].id=blog", "--feedgram.accounts[0].ig-user-id=17841400000000909",
                "--feedgram.accounts[0].access-token=IGAA-private-address-token",
                "--feedgram.feeds[0].id=allowed", "--feedgram.feeds[0].url=" + local,
                "--feedgram.feeds[0].account=blog", "--feedgram.feeds[0].every=1h",
                "--feedgram.feeds[1].id=loopback", "--feedgram.feeds[1].url=" + loopback,
                "--feedgram.feeds[1].account=blog", "--feedgram.feeds[1].every=1h",
                "--feedgram.feeds[2].id=redirected", "--feedgram.feeds[2].url=" + redirect,
                "--feedgram.feeds[2].account=blog", "--feedgram.feeds[2].every=1h");
        FeedStates states = feedgram.getBean(FeedStates.class);
        Map<String, FeedState> polled = await().atMost(Duration.ofSeconds(20)).until(() -> Map.of(
                "allowed", states.state("allowed").orElseThrow(),
                "loopback", states.state("loopback").orElseThrow(),
                "redirected", states.state("redirected").orElseThrow()),
                s -> s.values().stream().allMatch(state -> state.polls() > 0));

        assertThat(polled.get("allowed").lastStatus()).isEqualTo("OK");
        assertThat(polled.get("allowed").entriesSeen()).isEqualTo(3);
        assertThat(polled.get("loopback").lastError()).isEqualTo("the feed URL resolves to 127.0.0.1" + REFUSED);
        String target = feedgram.getEnvironment().resolvePlaceholders(loopback);
        assertThat(polled.get("redirected").lastError())
                .isEqualTo("the feed's redirect to " + target + " resolves to 127.0.0.1" + REFUSED);
    }
}
