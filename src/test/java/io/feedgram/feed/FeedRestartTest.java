package io.feedgram.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.feedgram.FeedgramApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 3, point 3: the same feed polled before and after a restart creates no second post.
 * The feed server answers 200 without validators, so the second run parses every entry again
 * and only the idempotent repository (in the database) stops them.
 */
class FeedRestartTest {

    @TempDir
    Path dataDir;

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aFeedPolledBeforeAndAfterARestartCreatesNoSecondPost() {
        ConfigurableApplicationContext outside = start(
                "--feedgram.sandbox.enabled=true", "--feedgram.publishing.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:feed-restart-outside", "--sandbox-test.media=true",
                "--feed-test.server=true", "--camel.main.routes-collector-enabled=false",
                "--feedgram.accounts[0].id=blog", "--feedgram.accounts[0].ig-user-id=17841400000000808",
                "--feedgram.accounts[0].access-token=IGAA-feed-restart-token");
        String base = "http://localhost:" + outside.getEnvironment().getProperty("local.server.port");

        ConfigurableApplicationContext feedgram = feedgram(base);
        FeedState before = awaitFirstPoll(feedgram);
        assertThat(before.postsCreated()).isEqualTo(2);
        assertThat(before.entriesSkipped()).isEqualTo(1);
        int posts = postCount(feedgram);
        feedgram.close();

        feedgram = feedgram(base);
        FeedStates states = feedgram.getBean(FeedStates.class);
        states.pollSoon("blog");
        FeedState after = await().atMost(Duration.ofSeconds(20))
                .until(() -> states.state("blog").orElseThrow(), s -> s.polls() == before.polls() + 1);

        assertThat(after.lastStatus()).isEqualTo("OK");
        assertThat(after.entriesSeen()).as("the feed was parsed again").isEqualTo(before.entriesSeen() + 3);
        assertThat(after.postsCreated()).isEqualTo(before.postsCreated());
        assertThat(postCount(feedgram)).isEqualTo(posts).isEqualTo(3);
    }

    private FeedState awaitFirstPoll(ConfigurableApplicationContext feedgram) {
        FeedStates states = feedgram.getBean(FeedStates.class);
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> states.state("blog").orElseThrow(), s -> "OK".equals(s.lastStatus()));
    }

    private static int postCount(ConfigurableApplicationContext feedgram) {
        return feedgram.getBean(JdbcClient.class).sql("select count(*) from post where source = 'feed:blog'")
                .query(Integer.class).single();
    }

    private ConfigurableApplicationContext feedgram(String base) {
        return start("--feedgram.sandbox.enabled=false",
                "--feedgram.security.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("feedgram").toAbsolutePath(),
                "--feedgram.graph.instagram-url=" + base + "/sandbox/graph.instagram.com",
                "--feedgram.publishing.min-interval=0s", "--feedgram.fetch.check=200ms",
                "--feedgram.fetch.allowed-private-hosts=localhost",
                "--feedgram.accounts[0].id=blog", "--feedgram.accounts[0].ig-user-id=17841400000000808",
                "--feedgram.accounts[0].access-token=IGAA-feed-restart-token",
                "--feedgram.feeds[0].id=blog", "--feedgram.feeds[0].url=" + base + "/test-feeds/file/poll-blog.xml",
                "--feedgram.feeds[0].account=blog", "--feedgram.feeds[0].every=1h", "--feedgram.feeds[0].backfill=all");
    }

    private ConfigurableApplicationContext start(String... args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FeedgramApplication.class)
                .run(Stream.concat(Stream.of(args), Stream.of("--server.port=0", "--feedgram.demo.enabled=false"))
                        .toArray(String[]::new));
        running.add(context);
        return context;
    }
}
