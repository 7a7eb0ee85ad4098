package io.feedgram.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostStatus;
import io.feedgram.testing.SandboxControl;
import io.feedgram.testing.SeparateInstagram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 11: a clean stop (what SIGTERM triggers: the context closing) while steps are in flight
 * lets them finish and releases every claim, so the next start picks every post up at once even
 * with a lease of ten minutes. Instagram (the sandbox) runs as a separate application.
 */
class GracefulStopTest {

    private static final String IG_USER = "17841400000000601";

    @TempDir
    Path dataDir;

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private int sandboxPort;

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aCleanStopLeavesNoPostWaitingForALease() {
        ConfigurableApplicationContext instagram = SeparateInstagram.start(running, Stream.concat(account(), Stream.of(
                "--feedgram.sandbox.enabled=true", "--feedgram.publishing.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:graceful-sandbox", "--sandbox-test.media=true",
                "--camel.main.routes-collector-enabled=false")));
        sandboxPort = SeparateInstagram.port(instagram);
        SandboxControl sandbox = new SandboxControl(sandboxPort);
        sandbox.reset();
        // Every Graph answer takes a while, so that steps are in flight when the stop comes.
        sandbox.configure("{\"latency\": \"PT0.4S\", \"processingDelay\": {\"image\": \"PT0S\"}}");

        ConfigurableApplicationContext feedgram = feedgram();
        PostRepository posts = feedgram.getBean(PostRepository.class);
        JdbcClient db = feedgram.getBean(JdbcClient.class);
        List<String> ids = IntStream.range(0, 6).mapToObj(i -> posts.insert(new NewPost("main", PostKind.FEED,
                "graceful " + i, List.of(new MediaItem("http://localhost:" + sandboxPort + "/test-media/ok.jpg?g=" + i,
                        MediaType.IMAGE, null)), PostOptions.NONE, "test", null, null))).toList();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> db.sql("select count(*) from post where lease_owner is not null").query(Integer.class).single() > 0);

        feedgram.close();

        JdbcClient after = JdbcClient.create(new DriverManagerDataSource(databaseUrl(), "sa", ""));
        assertThat(after.sql("select count(*) from post where lease_owner is not null or lease_until is not null")
                .query(Integer.class).single()).as("claims left after a clean stop").isZero();
        assertThat(after.sql("select count(*) from account_state where publish_lease_owner is not null")
                .query(Integer.class).single()).as("publish locks left after a clean stop").isZero();

        // Started again with a ten-minute lease: had a claim been left, its post would wait that long.
        PostRepository posts2 = feedgram().getBean(PostRepository.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> ids.stream().allMatch(id -> posts2.find(id).orElseThrow().status() == PostStatus.PUBLISHED));
        for (int i = 0; i < ids.size(); i++) {
            assertThat(sandbox.published(IG_USER, "graceful " + i)).as("post %d on Instagram", i).hasSize(1);
        }
    }

    private ConfigurableApplicationContext feedgram() {
        return SeparateInstagram.start(running, Stream.of(account(),
                SeparateInstagram.feedgramAgainst(sandboxPort, databaseUrl()), Stream.of(
                        "--feedgram.publishing.min-interval=0s", "--feedgram.publishing.poll-initial-delay=200ms",
                        "--feedgram.publishing.lease=10m")).flatMap(s -> s));
    }

    private String databaseUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("feedgram").toAbsolutePath();
    }

    private static Stream<String> account() {
        return Stream.of("--feedgram.accounts[0].id=main", "--feedgram.accounts[0].login=instagram",
                "--feedgram.accounts[0].ig-user-id=" + IG_USER, "--feedgram.accounts[0].access-token=IGAA-graceful-token");
    }
}
