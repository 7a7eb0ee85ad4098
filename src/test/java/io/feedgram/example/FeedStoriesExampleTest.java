package io.feedgram.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostStatus;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: routes/examples/feed-stories.camel.yaml reading an RSS feed and posting its media
 * entries as stories. A story carries no caption to Instagram, and a converted image is served
 * from Feedgram, so the stories are found by their posts' media and matched in the sandbox by media id.
 */
class FeedStoriesExampleTest extends ExampleTestSupport {

    @Test
    void eachMediaEntryBecomesOneStoryWithTheTemplatedCaptionAndIsTakenOnce() {
        text(FEED, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Second blog</title><link>https://example.com/</link>
                  <item><title>Morning</title><link>https://example.com/morning</link><guid>morning-%1$s</guid>
                    <enclosure url="%2$s" type="image/jpeg" length="1"/></item>
                  <item><title>Just words</title><link>https://example.com/words</link><guid>words-%1$s</guid></item>
                  <item><title>Evening</title><link>https://example.com/evening</link><guid>evening-%1$s</guid>
                    <enclosure url="%3$s" type="image/jpeg" length="1"/></item>
                </channel></rss>
                """.formatted(marker, mediaUrl("story.jpg"), mediaUrl("ok.jpg")));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> stories().stream().filter(post -> post.status() == PostStatus.PUBLISHED).count() == 2);

        List<Post> stories = stories();
        assertThat(stories).hasSize(2).allSatisfy(post -> assertThat(post.kind()).isEqualTo(PostKind.STORY));
        assertThat(stories).extracting(Post::caption).containsExactlyInAnyOrder(
                "New on the blog: Morning https://example.com/morning",
                "New on the blog: Evening https://example.com/evening");
        List<String> mediaIds = stories.stream().flatMap(post -> containers.of(post.id()).stream())
                .map(Container::mediaId).toList();
        List<JsonNode> published = sandbox.published(SHOP, "STORY").stream()
                .filter(media -> mediaIds.contains(media.path("mediaId").asText())).toList();
        assertThat(published).hasSize(2)
                .allSatisfy(media -> assertThat(media.path("mediaProductType").asText()).isEqualTo("STORY"));
    }

    /** The posts made from this test's feed: the feed is read again every poll, and each entry is posted once. */
    private List<Post> stories() {
        return posts.page(null, "shop", null, null, 100).stream()
                .filter(post -> post.media().get(0).url().contains(marker)).toList();
    }
}
