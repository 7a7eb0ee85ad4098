package io.feedgram.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.post.Container;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.Post;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostContainers;
import io.feedgram.post.PostRepository;
import io.feedgram.post.TrackedAccounts;
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
 * Issue 2, point 4: Feedgram is stopped while posts are in every in-flight state and started
 * again on the same database; every post ends published exactly once. Instagram (the
 * sandbox) runs as a separate application so that its state outlives Feedgram's restarts.
 */
class RestartTest {

    private static final String MAIN = "17841400000000501";
    private static final String MAIN_TOKEN = "IGAA-restart-main-token";
    private static final String SLOW = "17841400000000502";

    @TempDir
    Path dataDir;

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private int sandboxPort;

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void everyPostIsPublishedExactlyOnceAcrossRestarts() throws Exception {
        ConfigurableApplicationContext instagram = start(Stream.concat(accounts(), Stream.of(
                "--feedgram.sandbox.enabled=true", "--feedgram.publishing.enabled=false",
                "--feedgram.sandbox.processing-delay.image=300ms", "--feedgram.sandbox.processing-delay.video=3s",
                "--feedgram.sandbox.processing-delay.carousel=300ms",
                "--spring.datasource.url=jdbc:h2:mem:restart-sandbox", "--sandbox-test.media=true",
                "--camel.main.routes-collector-enabled=false")));
        sandboxPort = SeparateInstagram.port(instagram);
        SandboxControl sandbox = new SandboxControl(sandboxPort);
        sandbox.reset();
        // The slow account's container creations fail a few times: its posts stay QUEUED, backing off.
        sandbox.faultFor("create-server-error", SLOW, 3);

        // Run 1: posts spread over QUEUED, CONTAINERS_CREATED (videos process for 3 s),
        // READY (publishes are paced 1 s apart) and PUBLISHED; then a stop.
        ConfigurableApplicationContext feedgram = feedgram();
        PostRepository posts = feedgram.getBean(PostRepository.class);
        Map<String, Integer> expected = new LinkedHashMap<>();   // post id -> media it must publish
        for (int i = 0; i < 4; i++) {
            expected.put(submit(posts, "main", PostKind.FEED, "img" + i, image("ok.jpg", "img" + i)), 1);
        }
        expected.put(submit(posts, "main", PostKind.REEL, "reel0", video("reel0")), 1);
        expected.put(submit(posts, "main", PostKind.REEL, "reel1", video("reel1")), 1);
        expected.put(submit(posts, "main", PostKind.FEED, "album", image("ok.jpg", "album"), video("album")), 1);
        expected.put(submit(posts, "main", PostKind.STORY, "story", image("story.jpg", "story-a"), image("story.jpg", "story-b")), 2);
        expected.put(submit(posts, "slow", PostKind.FEED, "slow0", image("ok.jpg", "slow0")), 1);
        expected.put(submit(posts, "slow", PostKind.FEED, "slow1", image("ok.jpg", "slow1")), 1);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> statuses(posts, expected)
                .containsAll(EnumSet.of(PostStatus.QUEUED, PostStatus.CONTAINERS_CREATED, PostStatus.READY, PostStatus.PUBLISHED))
                && expected.keySet().stream().filter(id -> posts.find(id).orElseThrow().status() == PostStatus.READY).count() >= 2);
        feedgram.close();

        // A crash between media_publish and recording its result: Instagram published, Feedgram
        // only wrote down that it was about to.
        String crashed = crashMidPublish(expected.keySet());

        // Run 2: a publish whose response is lost while container reads fail leaves a post
        // UNCONFIRMED; stop again.
        sandbox.faultFor("publish-committed-response-lost", MAIN, 1);
        sandbox.faultFor("status-read-outage", MAIN, null);
        feedgram = feedgram();
        PostRepository posts2 = feedgram.getBean(PostRepository.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> statuses(posts2, expected).contains(PostStatus.UNCONFIRMED));
        feedgram.close();
        sandbox.clearFaults();

        // Run 3: everything finishes, each post exactly once.
        feedgram = feedgram();
        PostRepository posts3 = feedgram.getBean(PostRepository.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> statuses(posts3, expected), s -> s.equals(Set.of(PostStatus.PUBLISHED)));

        for (Map.Entry<String, Integer> post : expected.entrySet()) {
            Post done = posts3.find(post.getKey()).orElseThrow();
            String account = done.accountId().equals("main") ? MAIN : SLOW;
            assertThat(sandbox.published(account, tag(done)))
                    .as("media published for %s", done.caption() == null ? done.media() : done.caption())
                    .hasSize(post.getValue());
        }
        // The post whose publish was interrupted was reconciled by reading its container, never re-posted.
        assertThat(posts3.history(crashed)).anySatisfy(h -> assertThat(h.detail()).contains("interrupted"));
        assertThat(posts3.history(crashed)).last().satisfies(h -> {
            assertThat(h.status()).isEqualTo(PostStatus.PUBLISHED);
            assertThat(h.detail()).contains("container reads PUBLISHED");
        });
    }

    /** Publishes a READY post's container behind Feedgram's back and leaves only its "publishing" mark. */
    private String crashMidPublish(Set<String> ids) throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(databaseUrl(), "sa", "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        PostRepository posts = new PostRepository(jdbc, new ObjectMapper(), Clock.systemUTC(), event -> { },
                new TrackedAccounts(jdbc, Clock.systemUTC(), dataSource));
        PostContainers containers = new PostContainers(jdbc);
        Post ready = ids.stream().map(id -> posts.find(id).orElseThrow())
                .filter(p -> p.status() == PostStatus.READY)
                .findFirst().orElseThrow(() -> new AssertionError("no READY post at the stop"));
        List<Container> recorded = containers.of(ready.id());
        Container target = recorded.stream().filter(Container::isParent).findFirst()
                .orElseGet(() -> recorded.stream().filter(c -> !c.isPublished()).findFirst().orElseThrow());
        HttpResponse<String> published = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + sandboxPort + "/sandbox/graph.instagram.com/v25.0/" + MAIN + "/media_publish"))
                .header("Authorization", "Bearer " + MAIN_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("creation_id=" + target.containerId())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        containers.markPublishStarted(ready.id(), target.position(), Instant.now());
        return ready.id();
    }

    private ConfigurableApplicationContext feedgram() {
        return start(Stream.of(accounts(), SeparateInstagram.feedgramAgainst(sandboxPort, databaseUrl()), Stream.of(
                "--feedgram.publishing.min-interval=1s",
                "--feedgram.publishing.poll-initial-delay=200ms", "--feedgram.publishing.poll-interval=300ms",
                "--feedgram.publishing.poll-max-interval=1s", "--feedgram.publishing.retry-delay=1s",
                "--feedgram.publishing.retry-max-delay=4s", "--feedgram.publishing.reconcile-interval=300ms",
                "--feedgram.publishing.lease=5s")).flatMap(s -> s));
    }

    private ConfigurableApplicationContext start(Stream<String> args) {
        return SeparateInstagram.start(running, args);
    }

    private String databaseUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("feedgram").toAbsolutePath();
    }

    private static Stream<String> accounts() {
        return Stream.of("--feedgram.accounts[0].id=main", "--feedgram.accounts[0].login=instagram",
                "--feedgram.accounts[0].ig-user-id=" + MAIN, "--feedgram.accounts[0].access-token=" + MAIN_TOKEN,
                "--feedgram.accounts[1].id=slow", "--feedgram.accounts[1].login=instagram",
                "--feedgram.accounts[1].ig-user-id=" + SLOW, "--feedgram.accounts[1].access-token=IGAA-restart-slow-token");
    }


    private static Set<PostStatus> statuses(PostRepository posts, Map<String, Integer> ids) {
        return ids.keySet().stream().map(id -> posts.find(id).orElseThrow().status()).collect(Collectors.toSet());
    }

    private String submit(PostRepository posts, String account, PostKind kind, String tag, MediaItem... media) {
        return posts.insert(new NewPost(account, kind, kind == PostKind.STORY ? null : "restart " + tag,
                List.of(media), PostOptions.NONE, "test", null, null));
    }

    /** The text that identifies a post's media in the sandbox: its caption, or a story's first URL tag. */
    private static String tag(Post post) {
        return post.caption() != null ? post.caption() : "t=story-";
    }

    private MediaItem image(String file, String tag) {
        return new MediaItem("http://localhost:" + sandboxPort + "/test-media/" + file + "?t=" + tag, MediaType.IMAGE, null);
    }

    private MediaItem video(String tag) {
        return new MediaItem("http://localhost:" + sandboxPort + "/test-media/clip.mp4?t=" + tag, MediaType.VIDEO, null);
    }
}
