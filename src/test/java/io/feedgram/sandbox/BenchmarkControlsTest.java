package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the engine benchmark relies on: {@code latency} holds back Graph answers and nothing else, the sandbox
 * counts Graph calls per path shape, the published view says when the container was ready, and a processing
 * {@code spread} makes containers take different times.
 */
class BenchmarkControlsTest extends SandboxTestSupport {

    private static final Duration LATENCY = Duration.ofMillis(300);

    @Test
    void latencyDelaysGraphAnswersButNotTheControls() {
        configure("{\"latency\": \"PT0.3S\"}");

        Timed<GraphResponse> graph = timed(() -> get(IG + "/me?fields=id&access_token=" + TOKEN_A));
        Timed<GraphResponse> facebook = timed(() -> get(FB + "/me?fields=id&access_token=" + TOKEN_B));
        Timed<GraphResponse> control = timed(() -> control("GET", "/sandbox/_config", ""));

        assertThat(graph.value().status()).isEqualTo(200);
        assertThat(graph.took()).isGreaterThanOrEqualTo(LATENCY);
        assertThat(facebook.value().status()).isEqualTo(200);
        assertThat(facebook.took()).isGreaterThanOrEqualTo(LATENCY);
        assertThat(control.value().body().path("latency").asText()).isEqualTo("PT0.3S");
        assertThat(control.took()).isLessThan(LATENCY);
    }

    @Test
    void graphCallsAreCountedPerPathShapeAndAResetForgetsThem() {
        String containerId = createdA("image_url", media("ok.jpg"));
        statusA(containerId);
        advanceClock("PT2S");
        statusA(containerId);
        String mediaId = publishA(containerId).id();
        get(IG + "/" + mediaId + "?fields=permalink&access_token=" + TOKEN_A);

        JsonNode calls = control("GET", "/sandbox/_inspect/calls", "").body();
        assertThat(calls.path("instagram POST /{ig-user-id}/media").asLong()).isEqualTo(1);
        assertThat(calls.path("instagram GET /{container-id}").asLong()).isEqualTo(2);
        assertThat(calls.path("instagram POST /{ig-user-id}/media_publish").asLong()).isEqualTo(1);
        assertThat(calls.path("instagram GET /{media-id}").asLong()).isEqualTo(1);
        assertThat(calls.size()).isEqualTo(4);

        resetSandbox();
        assertThat(control("GET", "/sandbox/_inspect/calls", "").body().size()).isZero();
    }

    @Test
    void thePublishedViewSaysWhenTheContainerWasReady() {
        Instant before = Instant.now();
        String containerId = createdA("image_url", media("ok.jpg"));
        advanceClock("PT5S");
        assertThat(publishA(containerId).status()).isEqualTo(200);

        JsonNode published = publishedOf(USER_A).get(0);
        Instant readyAt = Instant.parse(published.path("readyAt").asText());
        Instant publishedAt = Instant.parse(published.path("publishedAt").asText());
        // Image processing takes 1 s of sandbox time; the clock was then moved 5 s past it.
        assertThat(readyAt).isAfterOrEqualTo(before.plusSeconds(1)).isBefore(publishedAt.minusSeconds(3));
    }

    @Test
    void aSpreadMakesEachContainerTakeItsOwnTimeWithinIt() {
        configure("{\"processingDelay\": {\"image\": \"PT1S\", \"spread\": \"PT10S\"}}");
        Instant before = Instant.now();
        List<String> containers = IntStream.range(0, 6).mapToObj(i -> createdA("image_url", media("ok.jpg"))).toList();
        Instant created = Instant.now();
        advanceClock("PT12S");
        containers.forEach(id -> assertThat(publishA(id).status()).isEqualTo(200));

        List<Instant> readyAt = new ArrayList<>();
        publishedOf(USER_A).forEach(media -> readyAt.add(Instant.parse(media.path("readyAt").asText())));
        assertThat(readyAt).hasSize(6)
                .allSatisfy(ready -> assertThat(ready).isBetween(before.plusSeconds(1), created.plusSeconds(11)));
        assertThat(Duration.between(Collections.min(readyAt), Collections.max(readyAt))).isGreaterThan(Duration.ofSeconds(1));
    }

    record Timed<T>(T value, Duration took) {
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        long start = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }
}
