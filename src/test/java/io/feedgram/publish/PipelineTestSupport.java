package io.feedgram.publish;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.Post;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostStatus;
import io.feedgram.testing.SandboxTestHarness;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port: real Camel routes, H2, and the sandbox over real
 * HTTP. Delays are shrunk so that scenarios take seconds. All pipeline tests share this one
 * context; each marks its posts with a unique token to find them in the sandbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:pipeline;DB_CLOSE_DELAY=-1",
        "feedgram.accounts[0].id=alpha",
        "feedgram.accounts[0].login=instagram",
        "feedgram.accounts[0].ig-user-id=17841400000000101",
        "feedgram.accounts[0].access-token=IGAA-test-alpha-token",
        "feedgram.accounts[1].id=beta",
        "feedgram.accounts[1].login=facebook",
        "feedgram.accounts[1].ig-user-id=17841400000000202",
        "feedgram.accounts[1].access-token=EAA-test-beta-page-token",
        "feedgram.accounts[2].id=gamma",
        "feedgram.accounts[2].login=instagram",
        "feedgram.accounts[2].ig-user-id=17841400000000303",
        "feedgram.accounts[2].access-token=IGAA-test-gamma-token",
        "feedgram.accounts[3].id=delta",
        "feedgram.accounts[3].login=instagram",
        "feedgram.accounts[3].ig-user-id=17841400000000404",
        "feedgram.accounts[3].access-token=IGAA-test-delta-token",
})
abstract class PipelineTestSupport extends SandboxTestHarness {

    static final String ALPHA = "17841400000000101";
    static final String BETA = "17841400000000202";
    static final String GAMMA = "17841400000000303";
    static final String DELTA = "17841400000000404";

    MediaItem image(String name) {
        return new MediaItem(mediaUrl(name), MediaType.IMAGE, "alt " + name);
    }

    MediaItem video(String name) {
        return new MediaItem(mediaUrl(name), MediaType.VIDEO, null);
    }

    String submit(String account, PostKind kind, MediaItem... media) {
        return submit(account, kind, PostOptions.NONE, media);
    }

    String submit(String account, PostKind kind, PostOptions options, MediaItem... media) {
        return posts.insert(new NewPost(account, kind, kind == PostKind.STORY ? null : "Caption " + marker,
                List.of(media), options, "test", null, null));
    }

    Post awaitStatus(String postId, PostStatus status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> posts.find(postId).orElseThrow().status(), s -> s == status);
        return posts.find(postId).orElseThrow();
    }
}
