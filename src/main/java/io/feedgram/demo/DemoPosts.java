package io.feedgram.demo;

import java.util.List;

import io.feedgram.account.AccountsProperties;
import io.feedgram.graph.MetaEndpoints;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostRepository;
import io.feedgram.system.StartupRefusal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Queues one post of each kind for the first configured account when the demo is on: an
 * image, a reel, a mixed carousel and a story. Their source keys make this happen once per
 * database, so a restart does not post them again. The demo runs only when every Graph call
 * goes to the built-in sandbox: left on while going live, it would post demo media to a real
 * account, so Feedgram refuses to start instead.
 */
@Component
@ConditionalOnProperty(name = "feedgram.demo.enabled", havingValue = "true")
public class DemoPosts {

    private final PostRepository posts;
    private final AccountsProperties accounts;
    private final Environment environment;
    private final DemoProperties properties;

    public DemoPosts(PostRepository posts, AccountsProperties accounts, Environment environment,
                     DemoProperties properties, MetaEndpoints endpoints) {
        if (!endpoints.graphIsBuiltInSandbox()) {
            throw new StartupRefusal("feedgram.demo.enabled is true, but Graph calls do not go to the built-in sandbox "
                    + "(feedgram.sandbox.enabled is false, or feedgram.graph.instagram-url/facebook-url is set): "
                    + "the demo would publish its posts to a real account.",
                    "Set feedgram.demo.enabled=false to publish for real, or feedgram.sandbox.enabled=true to try the demo.");
        }
        this.posts = posts;
        this.accounts = accounts;
        this.environment = environment;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void queue() {
        if (accounts.accounts().isEmpty()) {
            return;
        }
        String account = accounts.accounts().get(0).id();
        String base = environment.resolveRequiredPlaceholders(properties.mediaUrl());
        posts.insert(demo(account, "demo:image", PostKind.FEED, "Sunrise over the hills. #feedgram #demo",
                List.of(new MediaItem(base + "/sunrise.jpg", MediaType.IMAGE, "An orange and purple sunrise"))));
        posts.insert(demo(account, "demo:reel", PostKind.REEL, "A short clip, published as a reel. #reels",
                List.of(new MediaItem(base + "/clip.mp4", MediaType.VIDEO, null))));
        posts.insert(demo(account, "demo:carousel", PostKind.FEED, "Harbour, forest, and a clip: a mixed carousel.",
                List.of(new MediaItem(base + "/harbour.jpg", MediaType.IMAGE, "Boats in a blue harbour"),
                        new MediaItem(base + "/forest.jpg", MediaType.IMAGE, "A dark green forest"),
                        new MediaItem(base + "/clip.mp4", MediaType.VIDEO, null))));
        posts.insert(demo(account, "demo:story", PostKind.STORY, null,
                List.of(new MediaItem(base + "/story.jpg", MediaType.IMAGE, null))));
    }

    private static NewPost demo(String account, String key, PostKind kind, String caption, List<MediaItem> media) {
        return new NewPost(account, kind, caption, media, PostOptions.NONE, "demo", key, null);
    }
}
