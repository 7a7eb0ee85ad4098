package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Each container kind from creation to a published media, and the container state machine around it. */
class ContainerLifecycleTest extends SandboxTestSupport {

    @Test
    void imageIsCreatedProcessedAndPublishedOnce() {
        String containerId = createdA("image_url", media("ok.jpg"), "caption", "Hello #sandbox", "alt_text", "blue");
        GraphResponse status = statusA(containerId);
        assertThat(status.body().path("status_code").asText()).isEqualTo("IN_PROGRESS");
        assertThat(status.body().path("status").asText()).isEqualTo("In Progress: Media is still being processed.");
        assertThat(status.body().path("id").asText()).isEqualTo(containerId);

        advanceClock("PT2S");
        assertThat(statusA(containerId).body().path("status").asText())
                .isEqualTo("Finished: Media has been uploaded and it is ready to be published.");

        GraphResponse published = publishA(containerId);
        assertThat(published.status()).isEqualTo(200);
        String mediaId = published.id();
        assertThat(mediaId).matches("\\d{17,18}").isNotEqualTo(containerId);
        assertThat(statusCodeA(containerId)).isEqualTo("PUBLISHED");

        JsonNode media = get(IG + "/" + mediaId + "?fields=id,media_type,media_product_type,permalink,shortcode,"
                + "timestamp,caption,owner&access_token=" + TOKEN_A).body();
        assertThat(media.path("media_type").asText()).isEqualTo("IMAGE");
        assertThat(media.path("media_product_type").asText()).isEqualTo("FEED");
        assertThat(media.path("shortcode").asText()).matches("[A-Za-z0-9_-]{11}");
        assertThat(media.path("permalink").asText()).isEqualTo("https://www.instagram.com/p/" + media.path("shortcode").asText() + "/");
        assertThat(media.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
        assertThat(media.path("caption").asText()).isEqualTo("Hello #sandbox");
        assertThat(media.path("owner").path("id").asText()).isEqualTo(USER_A);

        JsonNode inspected = publishedOf(USER_A);
        assertThat(inspected).hasSize(1);
        assertThat(inspected.get(0).path("mediaId").asText()).isEqualTo(mediaId);
        assertThat(inspected.get(0).path("containerId").asText()).isEqualTo(containerId);
        assertThat(inspected.get(0).path("params").path("image_url").asText()).isEqualTo(media("ok.jpg"));
        assertThat(inspected.get(0).path("params").path("alt_text").asText()).isEqualTo("blue");
        assertThat(inspected.get(0).path("params").has("access_token")).isFalse();
        assertThat(inspected.get(0).path("permalink").asText()).isEqualTo(media.path("permalink").asText());
    }

    @Test
    void reelIsPublishedAsVideoUnderReel() {
        String containerId = createdA("media_type", "REELS", "video_url", media("clip.mp4"), "caption", "reel",
                "share_to_feed", "true");
        advanceClock("PT1S");
        assertThat(statusCodeA(containerId)).as("video delay is 3s").isEqualTo("IN_PROGRESS");
        advanceClock("PT3S");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusCodeA(containerId).equals("FINISHED"));

        String mediaId = publishA(containerId).id();
        JsonNode media = get(IG + "/" + mediaId + "?fields=media_type,media_product_type,permalink&access_token=" + TOKEN_A).body();
        assertThat(media.path("media_type").asText()).isEqualTo("VIDEO");
        assertThat(media.path("media_product_type").asText()).isEqualTo("REELS");
        assertThat(media.path("permalink").asText()).startsWith("https://www.instagram.com/reel/");
        assertThat(publishedOf(USER_A).get(0).path("mediaProductType").asText()).isEqualTo("REELS");
    }

    @Test
    void imageAndVideoStoriesArePublishedAsStories() {
        String imageStory = createdA("media_type", "STORIES", "image_url", media("story.jpg"));
        String videoStory = createdA("media_type", "STORIES", "video_url", media("clip.mp4"));
        advanceClock("PT5S");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusCodeA(videoStory).equals("FINISHED"));
        assertThat(statusCodeA(imageStory)).isEqualTo("FINISHED");

        assertThat(publishA(imageStory).status()).isEqualTo(200);
        assertThat(publishA(videoStory).status()).isEqualTo(200);
        JsonNode inspected = publishedOf(USER_A);
        assertThat(inspected).hasSize(2);
        assertThat(inspected.get(0).path("mediaType").asText()).isEqualTo("IMAGE");
        assertThat(inspected.get(1).path("mediaType").asText()).isEqualTo("VIDEO");
        assertThat(inspected.get(1).path("mediaProductType").asText()).isEqualTo("STORY");
        JsonNode usage = get(IG + "/me/content_publishing_limit?fields=quota_usage&access_token=" + TOKEN_A).body();
        assertThat(usage.path("data").get(0).path("quota_usage").asInt()).as("each story counts").isEqualTo(2);
    }

    @Test
    void carouselFinishesOnlyWhenAllChildrenHaveAndCountsOnce() {
        String image = createdA("image_url", media("ok.jpg"), "is_carousel_item", "true");
        String video = createdA("media_type", "VIDEO", "video_url", media("clip.mp4"), "is_carousel_item", "true");
        String carousel = createdA("media_type", "CAROUSEL", "children", image + "," + video,
                "caption", "two things", "collaborators", "[\"friend_one\"]");
        advanceClock("PT1S");
        assertThat(statusCodeA(image)).isEqualTo("FINISHED");
        assertThat(statusCodeA(carousel)).as("the video child is still processing").isEqualTo("IN_PROGRESS");
        advanceClock("PT3S");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusCodeA(carousel).equals("FINISHED"));

        String mediaId = publishA(carousel).id();
        assertThat(get(IG + "/" + mediaId + "?fields=media_type&access_token=" + TOKEN_A).body().path("media_type").asText())
                .isEqualTo("CAROUSEL_ALBUM");
        JsonNode inspected = publishedOf(USER_A).get(0);
        assertThat(inspected.path("params").path("collaborators").asText()).isEqualTo("[\"friend_one\"]");
        assertThat(inspected.path("children")).hasSize(2);
        assertThat(inspected.path("children").get(1).path("containerId").asText()).isEqualTo(video);
        assertThat(inspected.path("children").get(1).path("params").path("media_type").asText()).isEqualTo("VIDEO");
        JsonNode usage = get(IG + "/me/content_publishing_limit?access_token=" + TOKEN_A).body();
        assertThat(usage.path("data").get(0).path("quota_usage").asInt()).isEqualTo(1);
    }

    @Test
    void publishingBeforeFinishedAnswers9007() {
        String containerId = createdA("image_url", media("ok.jpg"));
        GraphResponse response = publishA(containerId);
        assertGraphError(response, 400, 9007, 2207027);
        assertThat(response.error().path("message").asText()).isEqualTo("Media ID is not available");
        assertThat(response.error().path("error_user_msg").asText())
                .isEqualTo("The media is not ready for publishing, please wait for a moment");
        assertThat(publishedOf(USER_A).isMissingNode()).isTrue();
    }

    @Test
    void secondPublishOfTheSameContainerFailsAndMakesNoSecondMedia() {
        String containerId = createdA("image_url", media("ok.jpg"));
        advanceClock("PT2S");
        assertThat(publishA(containerId).status()).isEqualTo(200);
        assertGraphError(publishA(containerId), 400, 9007, 2207027);
        assertThat(publishedOf(USER_A)).hasSize(1);
    }

    @Test
    void containerExpiresAfter24HoursAndCannotBePublished() {
        String containerId = createdA("image_url", media("ok.jpg"));
        advanceClock("PT23H");
        assertThat(statusCodeA(containerId)).isEqualTo("FINISHED");
        advanceClock("PT1H");
        assertThat(statusCodeA(containerId)).isEqualTo("EXPIRED");
        assertGraphError(publishA(containerId), 400, -2, 2207020);
    }

    @Test
    void unreachableVideoEndsInError() {
        String containerId = createdA("media_type", "REELS", "video_url", media("missing.jpg"));
        String notVideo = createdA("media_type", "REELS", "video_url", media("not-a-video.mp4"));
        advanceClock("PT5S");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusCodeA(containerId).equals("ERROR"));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusCodeA(notVideo).equals("ERROR"));
        assertThat(statusA(containerId).body().path("status").asText())
                .isEqualTo("Error: Media upload has failed with error code 2207026");
        assertGraphError(publishA(containerId), 400, 9007, 2207027);
    }

    @Test
    void tooLargeVideoEndsInError2207082() {
        control("POST", "/sandbox/_config", "{\"maxVideoBytes\": 1000}");
        String containerId = createdA("media_type", "REELS", "video_url", media("clip.mp4"));
        advanceClock("PT5S");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusCodeA(containerId).equals("ERROR"));
        assertThat(statusA(containerId).body().path("status").asText()).endsWith("2207082");
    }

    @Test
    void videoProcessingErrorFaultFailsNewVideoContainers() {
        injectFault("video-processing-error");
        String containerId = createdA("media_type", "REELS", "video_url", media("clip.mp4"));
        advanceClock("PT5S");
        assertThat(statusA(containerId).body().path("status").asText())
                .isEqualTo("Error: Media upload has failed with error code 2207026");
        assertThat(statusCodeA(createdA("image_url", media("ok.jpg")))).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anotherAccountsContainerDoesNotExist() {
        String containerId = createdA("image_url", media("ok.jpg"));
        GraphResponse response = get(FB + "/" + containerId + "?fields=status_code&access_token=" + TOKEN_B);
        assertGraphError(response, 400, 100, 33);
        assertThat(response.error().path("type").asText()).isEqualTo("GraphMethodException");
        assertThat(response.error().path("message").asText()).startsWith("Unsupported get request. Object with ID '" + containerId + "'");
    }
}
