package io.feedgram.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.testing.SandboxTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With {@code feedgram.media.transcode=true}, reels Instagram would refuse (a VP9 WebM, a 120 fps
 * MP4), served by a blog as real videos, are transcoded by the bundled ffmpeg and published from
 * the MP4 Feedgram serves; the sandbox (its own MP4 reader and video rules) accepted each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:transcoded-reel;DB_CLOSE_DELAY=-1",
        "media-test.corpus=true",
        "feedgram.media.transcode=true",
        "feedgram.media.store=target/transcoded-reel-test/store",
        "feedgram.api.keys[0]=" + TranscodedReelTest.KEY,
        "feedgram.accounts[0].id=studio",
        "feedgram.accounts[0].login=instagram",
        "feedgram.accounts[0].ig-user-id=" + TranscodedReelTest.STUDIO,
        "feedgram.accounts[0].access-token=IGAA-transcoded-reel-studio",
})
class TranscodedReelTest extends SandboxTestHarness {

    static final String KEY = "transcoded-reel-key";
    static final String STUDIO = "17841400000000778";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aWebMReelAndA120FpsReelArePublishedAsMp4sFeedgramTranscoded() throws IOException, InterruptedException {
        String webm = submit("real-vp9.webm");
        String fast = submit("real-120fps.mp4");

        for (String id : List.of(webm, fast)) {
            JsonNode post = awaitEnd(id);
            assertThat(post.path("status").asText()).as("%s", post.path("error")).isEqualTo("PUBLISHED");
            assertThat(post.path("history").toString()).contains("MP4 H.264 360×640, 30 fps, AAC, transcoded");
        }
        for (String name : List.of("real-vp9.webm", "real-120fps.mp4")) {
            List<JsonNode> published = sandbox.published(STUDIO, tag(name));
            assertThat(published).as(name).hasSize(1);
            assertThat(published.get(0).path("mediaProductType").asText()).isEqualTo("REELS");
            String url = published.get(0).path("params").path("video_url").asText();
            assertThat(url).as(name).startsWith("http://localhost:" + port + "/media/").endsWith(".mp4");

            HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.headers().firstValue("Content-Type")).as(name).hasValue("video/mp4");
            VideoFacts facts = new VideoInspector().inspect(Files.write(dir.resolve("served.mp4"), served.body()));
            assertThat(facts.videoCodec()).as(name).isEqualTo("avc1");
            assertThat(facts.audioCodec()).as(name).isEqualTo("mp4a");
            assertThat(facts.fps()).as(name).isEqualTo(30.0);
        }
    }

    private String tag(String name) {
        return "[" + marker + " " + name + "]";
    }

    private String submit(String name) {
        String body = "{\"account\": \"studio\", \"kind\": \"REEL\", \"caption\": \"" + tag(name) + "\", \"media\": [{\"url\": \""
                + "http://localhost:" + port + "/corpus/" + name + "?m=" + marker + "\", \"type\": \"VIDEO\"}]}";
        JsonNode answer = call("POST", "/api/v1/posts", body);
        assertThat(answer.path("id").asText()).as("%s", answer).isNotBlank();
        return answer.path("id").asText();
    }

    private JsonNode awaitEnd(String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> call("GET", "/api/v1/posts/" + id, null),
                        post -> Set.of("PUBLISHED", "FAILED").contains(post.path("status").asText()));
    }

    private JsonNode call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
