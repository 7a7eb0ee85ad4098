package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The rolling publishing quota and {@code content_publishing_limit} in both shapes. */
class PublishingQuotaTest extends SandboxTestSupport {

    private JsonNode limit() {
        return get(IG + "/" + USER_A + "/content_publishing_limit?fields=quota_usage,config&access_token=" + TOKEN_A).body();
    }

    private String finishedImage() {
        String id = createdA("image_url", media("ok.jpg"));
        advanceClock("PT2S");
        return id;
    }

    @Test
    void wrappedLimitShowsUsageAndConfig() {
        assertThat(publishA(finishedImage()).status()).isEqualTo(200);
        JsonNode data = limit().path("data").get(0);
        assertThat(data.path("quota_usage").asInt()).isEqualTo(1);
        assertThat(data.path("config").path("quota_total").asInt()).isEqualTo(100);
        assertThat(data.path("config").path("quota_duration").asInt()).isEqualTo(86400);
        JsonNode usageOnly = get(IG + "/me/content_publishing_limit?access_token=" + TOKEN_A).body().path("data").get(0);
        assertThat(usageOnly.has("config")).isFalse();
    }

    @Test
    void flatShapeCanBeConfigured() {
        control("POST", "/sandbox/_config", "{\"quotaShape\":\"flat\"}");
        JsonNode flat = limit();
        assertThat(flat.has("data")).isFalse();
        assertThat(flat.path("quota_usage").asInt()).isZero();
        assertThat(flat.path("config").path("quota_total").asInt()).isEqualTo(100);
    }

    @Test
    void reachingTheQuotaBlocksPublishUntilTheWindowMoves() {
        control("POST", "/sandbox/_config", "{\"quotaTotal\":2}");
        assertThat(publishA(finishedImage()).status()).isEqualTo(200);
        assertThat(publishA(finishedImage()).status()).isEqualTo(200);
        String third = finishedImage();
        GraphResponse blocked = publishA(third);
        assertGraphError(blocked, 400, 9, 2207042);
        assertThat(limit().path("data").get(0).path("quota_usage").asInt()).isEqualTo(2);
        assertThat(statusCodeA(third)).as("a refused publish changes nothing").isEqualTo("FINISHED");

        advanceClock("PT24H");
        assertThat(limit().path("data").get(0).path("quota_usage").asInt()).isZero();
        assertThat(publishA(finishedImage()).status()).isEqualTo(200);
    }

    @Test
    void quotaExhaustedFaultReportsFullUsageAndBlocksPublish() {
        String containerId = finishedImage();
        injectFault("quota-exhausted");
        JsonNode data = limit().path("data").get(0);
        assertThat(data.path("quota_usage").asInt()).isEqualTo(data.path("config").path("quota_total").asInt());
        assertGraphError(publishA(containerId), 400, 9, 2207042);
        control("DELETE", "/sandbox/_faults", "");
        assertThat(publishA(containerId).status()).isEqualTo(200);
    }
}
