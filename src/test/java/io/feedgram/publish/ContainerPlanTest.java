package io.feedgram.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.Post;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostStatus;
import org.junit.jupiter.api.Test;

class ContainerPlanTest {

    private static final MediaItem IMAGE = new MediaItem("https://example.org/a.jpg", MediaType.IMAGE, "a red door");
    private static final MediaItem VIDEO = new MediaItem("https://example.org/v.mp4", MediaType.VIDEO, "ignored");
    private static final PostOptions OPTIONS = new PostOptions(false, "https://example.org/cover.jpg", 1500L, "123",
            List.of("friend"), List.of(new PostOptions.UserTag("someone", 0.5, 0.25)));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void oneImageIsAnImagePostWithAltText() {
        ContainerPlan plan = plan(PostKind.FEED, List.of(IMAGE), PostOptions.NONE);
        assertThat(plan.isCarousel()).isFalse();
        assertThat(plan.items()).singleElement().satisfies(spec -> {
            assertThat(spec.parameters()).containsEntry("image_url", IMAGE.url())
                    .containsEntry("caption", "hello").containsEntry("alt_text", "a red door")
                    .doesNotContainKey("media_type");
            assertThat(spec.publishTarget()).isTrue();
        });
    }

    @Test
    void oneVideoIsAReelWithItsOptionsButNoAltText() {
        ContainerPlan plan = plan(PostKind.FEED, List.of(VIDEO), OPTIONS);
        assertThat(plan.items()).singleElement().satisfies(spec -> assertThat(spec.parameters())
                .containsEntry("media_type", "REELS").containsEntry("video_url", VIDEO.url())
                .containsEntry("share_to_feed", "false").containsEntry("cover_url", "https://example.org/cover.jpg")
                .containsEntry("thumb_offset", "1500").containsEntry("location_id", "123")
                .containsEntry("collaborators", "[\"friend\"]")
                .doesNotContainKey("alt_text"));
    }

    @Test
    void reelsShareToFeedByDefault() {
        assertThat(plan(PostKind.REEL, List.of(VIDEO), PostOptions.NONE).items().get(0).parameters())
                .containsEntry("share_to_feed", "true");
    }

    @Test
    void mixedMediaBecomeACarouselWhoseParentCarriesTheCaption() {
        ContainerPlan plan = plan(PostKind.FEED, List.of(IMAGE, VIDEO), OPTIONS);
        assertThat(plan.isCarousel()).isTrue();
        assertThat(plan.items()).hasSize(2).noneMatch(ContainerPlan.Spec::publishTarget);
        assertThat(plan.items().get(0).parameters()).containsEntry("is_carousel_item", "true")
                .containsEntry("alt_text", "a red door").doesNotContainKeys("caption", "collaborators", "media_type");
        assertThat(plan.items().get(1).parameters()).containsEntry("media_type", "VIDEO")
                .containsEntry("is_carousel_item", "true").doesNotContainKeys("caption", "collaborators");
        assertThat(plan.parentParameters(List.of("11", "22"))).containsEntry("media_type", "CAROUSEL")
                .containsEntry("children", "11,22").containsEntry("caption", "hello")
                .containsEntry("collaborators", "[\"friend\"]").doesNotContainKey("user_tags");
        assertThat(plan.parent().publishTarget()).isTrue();
    }

    @Test
    void aStoryPostsOneStoryPerMediaWithoutCaption() {
        ContainerPlan plan = plan(PostKind.STORY, List.of(IMAGE, VIDEO), OPTIONS);
        assertThat(plan.isCarousel()).isFalse();
        assertThat(plan.items()).hasSize(2).allMatch(ContainerPlan.Spec::publishTarget)
                .allSatisfy(spec -> assertThat(spec.parameters()).containsEntry("media_type", "STORIES")
                        .doesNotContainKeys("caption", "collaborators", "alt_text")
                        .containsEntry("user_tags", "[{\"username\":\"someone\",\"x\":0.5,\"y\":0.25}]"));
    }

    @Test
    void refusesWhatInstagramCannotPublish() {
        assertThatThrownBy(() -> plan(PostKind.FEED, List.of(), PostOptions.NONE)).hasMessage("no image or video");
        assertThatThrownBy(() -> plan(PostKind.REEL, List.of(IMAGE), PostOptions.NONE))
                .hasMessage("a reel needs exactly one video");
        List<MediaItem> eleven = IntStream.range(0, 11).mapToObj(i -> IMAGE).toList();
        assertThatThrownBy(() -> plan(PostKind.FEED, eleven, PostOptions.NONE)).hasMessageContaining("at most 10");
    }

    private ContainerPlan plan(PostKind kind, List<MediaItem> media, PostOptions options) {
        Post post = new Post("p1", "acct", kind, "hello", media, options, "test", null, PostStatus.QUEUED, null,
                null, 0, null, null, null, null);
        return ContainerPlan.of(post, true, json);
    }
}
