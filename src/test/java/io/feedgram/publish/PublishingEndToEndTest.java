package io.feedgram.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.account.AccountState;
import io.feedgram.account.AccountStates;
import io.feedgram.post.Container;
import io.feedgram.post.HistoryEntry;
import io.feedgram.post.Post;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 2, point 3: every scenario over real HTTP against the sandbox, asserted through its inspection endpoint. */
class PublishingEndToEndTest extends PipelineTestSupport {

    @Autowired
    AccountStates states;

    @Test
    void publishesEachKindExactlyOnceWithItsParameters() {
        String image = submit("alpha", PostKind.FEED, image("ok.jpg"));
        String reel = submit("alpha", PostKind.REEL, video("clip.mp4"));
        String carousel = submit("alpha", PostKind.FEED, image("ok.jpg"), video("clip.mp4"), image("ok.jpg"));
        String story = submit("alpha", PostKind.STORY, image("story.jpg"), video("clip.mp4"));

        for (String id : List.of(image, reel, carousel, story)) {
            awaitStatus(id, PostStatus.PUBLISHED);
        }

        List<JsonNode> published = sandbox.published(ALPHA, marker);
        assertThat(published).extracting(m -> m.path("mediaProductType").asText())
                .containsExactlyInAnyOrder("FEED", "REELS", "FEED", "STORY", "STORY");
        JsonNode single = byType(published, "IMAGE");
        assertThat(single.path("params").path("alt_text").asText()).isEqualTo("alt ok.jpg");
        assertThat(single.path("params").path("caption").asText()).isEqualTo("Caption " + marker);
        JsonNode reelMedia = published.stream().filter(m -> m.path("mediaProductType").asText().equals("REELS")).findFirst().orElseThrow();
        assertThat(reelMedia.path("params").path("share_to_feed").asText()).isEqualTo("true");
        JsonNode album = byType(published, "CAROUSEL_ALBUM");
        assertThat(album.path("children")).hasSize(3);
        assertThat(album.path("children").get(1).path("params").path("media_type").asText()).isEqualTo("VIDEO");
        assertThat(album.path("params").path("caption").asText()).isEqualTo("Caption " + marker);

        assertThat(containers.of(carousel)).filteredOn(Container::isParent).singleElement()
                .satisfies(parent -> assertThat(parent.permalink()).startsWith("https://www.instagram.com/p/"));
        assertThat(containers.of(story)).hasSize(2).allMatch(Container::isPublished);
        assertThat(posts.history(image)).extracting(HistoryEntry::status).containsExactly(
                PostStatus.QUEUED, PostStatus.CONTAINERS_CREATED, PostStatus.READY, PostStatus.PUBLISHED);
    }

    @Test
    void publishingBeforeTheContainerIsReadyIsAnsweredByWaiting() {
        // Status reads fail, so Feedgram cannot see the video is still processing and tries to
        // publish early; Instagram answers 9007 "not ready" until it is.
        sandbox.configure("{\"processingDelay\":{\"video\":\"PT2S\"}}");
        sandbox.fault("status-read-outage", null);
        String reel = submit("alpha", PostKind.REEL, video("clip.mp4"));

        Post post = awaitStatus(reel, PostStatus.PUBLISHED);

        List<JsonNode> published = sandbox.published(ALPHA, marker);
        assertThat(published).hasSize(1);
        Duration waited = Duration.between(post.createdAt(), java.time.Instant.parse(published.get(0).path("publishedAt").asText()));
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aCarouselOfImagesIsPublishedReadingOnlyItsParent() {
        String carousel = submit("beta", PostKind.FEED, image("ok.jpg"), image("ok.jpg"), image("ok.jpg"));

        awaitStatus(carousel, PostStatus.PUBLISHED);

        assertThat(sandbox.published(BETA, marker)).singleElement()
                .satisfies(album -> assertThat(album.path("children")).hasSize(3));
        // The children's statuses are as recorded at their creation: none was read, the parent's status covered them.
        assertThat(containers.of(carousel)).filteredOn(c -> !c.isParent()).hasSize(3).allSatisfy(child -> {
            assertThat(child.status()).isEqualTo("IN_PROGRESS");
            assertThat(child.statusDetail()).isNull();
        });
    }

    @Test
    void aParentRefusedWhileItsChildrenAreProcessingWaitsForThem() {
        // Should Instagram refuse a carousel whose children are still processing, as Threads does, the children are read.
        sandbox.configure("{\"processingDelay\":{\"image\":\"PT2S\"}}");
        sandbox.fault("unfinished-children-refused", null);
        String carousel = submit("beta", PostKind.FEED, image("ok.jpg"), image("ok.jpg"));

        awaitStatus(carousel, PostStatus.PUBLISHED);

        assertThat(sandbox.published(BETA, marker)).singleElement()
                .satisfies(album -> assertThat(album.path("children")).hasSize(2));
        assertThat(containers.of(carousel)).filteredOn(c -> !c.isParent()).hasSize(2)
                .allSatisfy(child -> assertThat(child.status()).isEqualTo("FINISHED"));
    }

    @Test
    void anAsynchronousVideoErrorFailsWithInstagramsSubcode() {
        sandbox.fault("video-processing-error", null);
        String reel = submit("alpha", PostKind.REEL, video("clip.mp4"));

        Post failed = awaitStatus(reel, PostStatus.FAILED);

        assertThat(failed.error().subcode()).isEqualTo(2207026);
        assertThat(failed.error().message()).contains("ERROR").contains("2207026")
                .contains("the video format is not supported");
        // An input problem is not created again: a new container of the same video would end the same way.
        assertThat(posts.history(reel)).filteredOn(h -> h.status() == PostStatus.QUEUED).hasSize(1);
        assertThat(sandbox.published(ALPHA, marker)).isEmpty();
    }

    @Test
    void aPublishCommittedWithItsResponseLostIsPublishedExactlyOnce() {
        sandbox.fault("publish-committed-response-lost", 1);
        String lost = submit("alpha", PostKind.FEED, image("ok.jpg"));
        awaitStatus(lost, PostStatus.PUBLISHED);

        // A 403 spam block after the post went live: published once, and the account pauses.
        sandbox.fault("publish-committed-blocked", 1);
        String blocked = submit("delta", PostKind.FEED, image("ok.jpg"), image("ok.jpg"));
        awaitStatus(blocked, PostStatus.PUBLISHED);

        assertThat(sandbox.published(ALPHA, marker)).hasSize(1);
        assertThat(sandbox.published(DELTA, marker)).hasSize(1);
        assertThat(states.state("delta")).get().satisfies(state -> {
            assertThat(state.status()).isEqualTo(AccountState.Status.PAUSED);
            assertThat(state.reason()).contains("4/2207051");
        });
        assertThat(posts.history(lost)).last().extracting(HistoryEntry::detail).asString()
                .contains("container reads PUBLISHED");
    }

    @Test
    void aStatusReadOutageStillPublishesOnce() {
        sandbox.fault("status-read-outage", null);
        String image = submit("alpha", PostKind.FEED, image("ok.jpg"));
        String carousel = submit("alpha", PostKind.FEED, image("ok.jpg"), image("ok.jpg"));

        awaitStatus(image, PostStatus.PUBLISHED);
        awaitStatus(carousel, PostStatus.PUBLISHED);

        assertThat(sandbox.published(ALPHA, marker)).hasSize(2);
        // The permalink read failed too; that never fails a publish.
        assertThat(containers.of(image)).singleElement().satisfies(c -> {
            assertThat(c.mediaId()).isNotNull();
            assertThat(c.permalink()).isNull();
        });
    }

    @Test
    void anExpiredTokenPausesThatAccountWhileAnotherKeepsPublishing() {
        sandbox.expireToken("IGAA-test-gamma-token");
        String gammaFirst = submit("gamma", PostKind.FEED, image("ok.jpg"));
        Post parked = awaitStatus(gammaFirst, PostStatus.NEEDS_REAUTH);
        String gammaSecond = submit("gamma", PostKind.FEED, image("ok.jpg"));
        String beta = submit("beta", PostKind.FEED, image("ok.jpg"));

        awaitStatus(beta, PostStatus.PUBLISHED);

        assertThat(parked.error().code()).isEqualTo(190);
        assertThat(parked.error().subcode()).isEqualTo(463);
        assertThat(parked.resumeStatus()).isEqualTo(PostStatus.QUEUED);
        assertThat(states.state("gamma")).get().extracting(AccountState::status).isEqualTo(AccountState.Status.NEEDS_REAUTH);
        // The paused account's next post is not attempted at all.
        assertThat(posts.find(gammaSecond).orElseThrow().status()).isEqualTo(PostStatus.QUEUED);
        assertThat(containers.of(gammaSecond)).isEmpty();
        assertThat(sandbox.published(BETA, marker)).hasSize(1);
        assertThat(sandbox.published(GAMMA, marker)).isEmpty();

        states.reactivate("gamma", "test over");       // the sandbox reset gave gamma a fresh token
        sandbox.reset();
        awaitStatus(gammaFirst, PostStatus.PUBLISHED);
        awaitStatus(gammaSecond, PostStatus.PUBLISHED);
    }

    @Test
    void anExhaustedQuotaDefersUntilTheWindowFrees() {
        sandbox.configure("{\"quotaTotal\":1}");
        String first = submit("beta", PostKind.FEED, image("ok.jpg"));
        awaitStatus(first, PostStatus.PUBLISHED);
        String second = submit("beta", PostKind.FEED, image("ok.jpg"));

        Post deferred = awaitStatus(second, PostStatus.DEFERRED);
        assertThat(deferred.resumeStatus()).isEqualTo(PostStatus.READY);
        assertThat(posts.history(second)).last().extracting(HistoryEntry::detail).asString()
                .contains("publishing quota used up (1 of 1");
        assertThat(sandbox.published(BETA, marker)).hasSize(1);

        sandbox.advanceClock("PT24H1M");                  // the rolling window frees (and the container expires)

        awaitStatus(second, PostStatus.PUBLISHED);
        assertThat(sandbox.published(BETA, marker)).hasSize(2);
    }

    private static JsonNode byType(List<JsonNode> published, String mediaType) {
        return published.stream().filter(m -> m.path("mediaType").asText().equals(mediaType)).findFirst().orElseThrow();
    }
}
