package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Every injectable fault, through the control API, as a client would meet it. */
class FaultInjectionTest extends SandboxTestSupport {

    private String finishedImage() {
        String id = createdA("image_url", media("ok.jpg"));
        advanceClock("PT2S");
        return id;
    }

    @Test
    void faultsAreListedAndCleared() {
        injectFaultJson("{\"fault\":\"server-error\",\"igUserId\":\"" + USER_A + "\",\"times\":2}");
        JsonNode faults = control("GET", "/sandbox/_faults", "").body().path("faults");
        assertThat(faults).hasSize(1);
        assertThat(faults.get(0).path("fault").asText()).isEqualTo("server-error");
        assertThat(faults.get(0).path("remaining").asInt()).isEqualTo(2);
        assertThat(control("POST", "/sandbox/_faults", "{\"fault\":\"no-such-fault\"}").status()).isEqualTo(400);
        assertThat(control("DELETE", "/sandbox/_faults", "").body().path("faults")).isEmpty();
    }

    @Test
    void serverErrorAnswers500Code2AndDoesNothing() {
        injectFaultJson("{\"fault\":\"server-error\",\"times\":1}");
        GraphResponse response = createA("image_url", media("ok.jpg"));
        assertGraphError(response, 500, 2, null);
        assertThat(response.error().path("is_transient").asBoolean()).isTrue();
        assertThat(response.error().path("message").asText())
                .isEqualTo("An unexpected error has occurred. Please retry your request later.");
        assertThat(createA("image_url", media("ok.jpg")).status()).as("only once").isEqualTo(200);
    }

    @Test
    void serverErrorCanTargetOneAccount() {
        injectFaultJson("{\"fault\":\"server-error\",\"igUserId\":\"" + USER_B + "\"}");
        assertThat(get(IG + "/me?access_token=" + TOKEN_A).status()).isEqualTo(200);
        assertThat(get(FB + "/me?access_token=" + TOKEN_B).status()).isEqualTo(500);
    }

    @Test
    void createServerErrorOnlyHitsContainerCreation() {
        String containerId = finishedImage();
        injectFault("create-server-error");
        assertGraphError(createA("image_url", media("ok.jpg")), 500, 2, null);
        assertThat(statusCodeA(containerId)).isEqualTo("FINISHED");
        assertThat(publishA(containerId).status()).isEqualTo(200);
    }

    @Test
    void publishCommittedResponseLostPublishesThenAnswers500() {
        String containerId = finishedImage();
        injectFault("publish-committed-response-lost");
        GraphResponse response = publishA(containerId);
        assertGraphError(response, 500, 1, null);
        assertThat(response.error().path("message").asText()).isEqualTo("An unknown error has occurred.");
        assertThat(statusCodeA(containerId)).isEqualTo("PUBLISHED");
        assertThat(publishedOf(USER_A)).hasSize(1);
        assertThat(get(IG + "/me/content_publishing_limit?access_token=" + TOKEN_A).body()
                .path("data").get(0).path("quota_usage").asInt()).isEqualTo(1);
    }

    @Test
    void publishCommittedBlockedPublishesThenAnswers403() {
        String containerId = finishedImage();
        injectFault("publish-committed-blocked");
        GraphResponse response = publishA(containerId);
        assertGraphError(response, 403, 4, 2207051);
        assertThat(response.error().path("error_user_title").asText()).isEqualTo("Action is blocked");
        assertThat(response.error().path("is_transient").asBoolean()).isFalse();
        assertThat(statusCodeA(containerId)).isEqualTo("PUBLISHED");
        assertThat(publishedOf(USER_A)).hasSize(1);
    }

    @Test
    void statusReadOutageFailsReadsWhilePublishWorks() {
        String containerId = finishedImage();
        injectFault("status-read-outage");
        assertGraphError(statusA(containerId), 400, 100, 33);
        String mediaId = publishA(containerId).id();
        assertThat(mediaId).isNotEmpty();
        assertGraphError(get(IG + "/" + mediaId + "?fields=permalink&access_token=" + TOKEN_A), 400, 100, 33);
        control("DELETE", "/sandbox/_faults", "");
        assertThat(statusCodeA(containerId)).isEqualTo("PUBLISHED");
    }

    @Test
    void unfinishedChildrenRefusedAnswers9007UntilEveryChildIsFinished() {
        String first = createdA("image_url", media("ok.jpg"), "is_carousel_item", "true");
        String second = createdA("image_url", media("ok.jpg"), "is_carousel_item", "true");
        injectFault("unfinished-children-refused");
        assertGraphError(createA("media_type", "CAROUSEL", "children", first + "," + second), 400, 9007, 2207027);
        advanceClock("PT2S");
        assertThat(statusCodeA(first)).isEqualTo("FINISHED");
        assertThat(statusCodeA(second)).isEqualTo("FINISHED");
        assertThat(createA("media_type", "CAROUSEL", "children", first + "," + second).status()).isEqualTo(200);
    }

    @Test
    void mediaFetchFailureAnswers9004() {
        GraphResponse response;
        injectFault("media-fetch-failure");
        response = createA("image_url", media("ok.jpg"));
        assertGraphError(response, 400, 9004, 2207052);
        assertThat(response.error().path("error_user_title").asText())
                .isEqualTo("Media download has failed. The media URI doesn't meet our requirements.");
        assertGraphError(createA("media_type", "REELS", "video_url", media("clip.mp4")), 400, 9004, 2207052);
    }

    @Test
    void rateLimitAnswers80002WithBusinessUseCaseHeader() throws Exception {
        injectFault("rate-limit");
        GraphResponse response = get(IG + "/" + USER_A + "/content_publishing_limit?access_token=" + TOKEN_A);
        assertGraphError(response, 400, 80002, null);
        JsonNode usage = json.readTree(response.header("X-Business-Use-Case-Usage")).path(USER_A).get(0);
        assertThat(usage.path("type").asText()).isEqualTo("instagram");
        assertThat(usage.path("call_count").asInt()).isEqualTo(100);
        assertThat(usage.path("estimated_time_to_regain_access").asInt()).isEqualTo(1);
    }

    @Test
    void appRateLimitAnswersCode4() throws Exception {
        injectFault("app-rate-limit");
        GraphResponse response = get(FB + "/me?access_token=" + TOKEN_B);
        assertGraphError(response, 400, 4, null);
        assertThat(response.error().path("message").asText()).isEqualTo("(#4) Application request limit reached");
        assertThat(response.error().path("is_transient").asBoolean()).isTrue();
        assertThat(json.readTree(response.header("X-App-Usage")).path("call_count").asInt()).isEqualTo(100);
    }
}
