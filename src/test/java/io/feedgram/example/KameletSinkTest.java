package io.feedgram.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.api.FieldError;
import io.feedgram.inbox.PostRefusedException;
import io.feedgram.post.Post;
import io.feedgram.post.PostKind;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14: the instagram-post-sink Kamelet (loaded from routes/kamelets) and direct:feedgram-post,
 * called from a user's route (src/test/resources/routes/user-post.camel.yaml): a post goes through
 * the inbox and is published; a refused one fails the exchange with the field errors the API gives.
 */
class KameletSinkTest extends ExampleTestSupport {

    @Autowired
    ProducerTemplate producer;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aJsonBodyThroughTheKameletIsQueuedPublishedAndAnsweredInHeaders() {
        String body = """
                {"media": [{"url": "%s", "alt_text": "a square"}]}""".formatted(mediaUrl("ok.jpg"));

        Exchange done = producer.request("direct:user-post", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader("who", marker);
        });

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader("refused")).isNull();
        String id = done.getMessage().getHeader("FeedgramPostId", String.class);
        assertThat(done.getMessage().getHeader("FeedgramPostStatus", String.class)).isEqualTo("QUEUED");
        assertThat(done.getMessage().getBody(String.class)).isEqualTo(body);
        JsonNode published = awaitPublished(marker, 1).get(0);
        assertThat(published.path("params").path("caption").asText()).isEqualTo("Hello from " + marker);
        assertThat(published.path("params").path("alt_text").asText()).isEqualTo("a square");
        Post post = posts.find(id).orElseThrow();
        assertThat(post.source()).isEqualTo("route");
    }

    @Test
    void aMapWithHeadersThroughTheDirectEndpointSetsKindCaptionAndOptions() {
        Exchange done = producer.request("direct:feedgram-post", e -> {
            e.getMessage().setBody(Map.of("account", "shop", "caption", "overridden",
                    "media", List.of(Map.of("url", mediaUrl("clip.mp4")))));
            e.getMessage().setHeader("FeedgramKind", "REEL");
            e.getMessage().setHeader("FeedgramCaption", "Reel " + marker);
            e.getMessage().setHeader("FeedgramOptions", Map.of("share_to_feed", false));
        });

        assertThat(done.getException()).isNull();
        Post post = posts.find(done.getMessage().getHeader("FeedgramPostId", String.class)).orElseThrow();
        assertThat(post.kind()).isEqualTo(PostKind.REEL);
        assertThat(post.caption()).isEqualTo("Reel " + marker);
        JsonNode reel = awaitPublished(marker, 1).get(0);
        assertThat(reel.path("params").path("share_to_feed").asText()).isEqualTo("false");
    }

    @Test
    void aStreamedBodyIsReadAsItsJsonAndAnObjectOfAnotherKindIsRefused() {
        Exchange streamed = producer.request("direct:feedgram-post", e -> e.getMessage().setBody(new ByteArrayInputStream("""
                {"account": "shop", "caption": "Streamed %s", "media": [{"url": "%s"}]}"""
                .formatted(marker, mediaUrl("ok.jpg")).getBytes(StandardCharsets.UTF_8))));
        Exchange other = producer.request("direct:feedgram-post", e -> e.getMessage().setBody(42));

        assertThat(streamed.getMessage().getHeader("FeedgramPostId", String.class)).isNotNull();
        assertThat(((PostRefusedException) other.getException()).errors()).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("body"))
                .satisfies(error -> assertThat(error.message()).endsWith("not Integer"));
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstPost() {
        String body = """
                {"account": "shop", "caption": "Once %s", "media": [{"url": "%s"}]}""".formatted(marker, mediaUrl("ok.jpg"));

        List<String> ids = List.of(1, 2).stream().map(attempt -> producer.request("direct:feedgram-post", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader("FeedgramIdempotencyKey", "entry-" + marker);
        }).getMessage().getHeader("FeedgramPostId", String.class)).toList();

        assertThat(ids.get(0)).isNotNull().isEqualTo(ids.get(1));
        assertThat(awaitPublished(marker, 1)).hasSize(1);
    }

    @Test
    void aRefusedPostFailsTheExchangeWithTheSameFieldErrorsAsTheApi() throws Exception {
        String body = """
                {"account": "shop", "caption": "%s", "media": [{"url": "ftp://example.com/a.jpg"}, {"url": "https://example.com/b"}],
                 "kind": "REEL", "colour": "red"}""".formatted("#tag ".repeat(31));

        Exchange direct = producer.request("direct:feedgram-post", e -> e.getMessage().setBody(body));
        Exchange kamelet = producer.request("kamelet:instagram-post-sink", e -> e.getMessage().setBody(body));

        List<FieldError> api = apiErrors(body);
        assertThat(api).extracting(FieldError::field)
                .containsExactlyInAnyOrder("colour", "caption", "media[0].url", "media[1].type");
        assertThat(direct.getException()).isInstanceOf(PostRefusedException.class);
        assertThat(((PostRefusedException) direct.getException()).errors()).isEqualTo(api);
        assertThat(((PostRefusedException) kamelet.getException()).errors()).isEqualTo(api);
        assertThat(direct.getException().getMessage()).contains("caption: has 31 hashtags, more than 30");
    }

    @Test
    void aUsersRouteCatchesTheRefusalAndReadsItsErrors() {
        Exchange done = producer.request("direct:user-post", e -> e.getMessage().setBody("""
                {"media": [{"url": "file:///etc/passwd"}]}"""));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader("refused", List.class))
                .containsExactly(new FieldError("media[0].url", "must be an absolute http or https URL"));
        assertThat(done.getMessage().getHeader("FeedgramPostId")).isNull();
    }

    @Test
    void anUnknownAccountIsRefusedAsTheApiRefusesIt() {
        Exchange done = producer.request("direct:feedgram-post", e -> {
            e.getMessage().setBody(Map.of("media", List.of(Map.of("url", mediaUrl("ok.jpg")))));
            e.getMessage().setHeader("FeedgramAccount", "nobody");
        });

        assertThat(((PostRefusedException) done.getException()).errors())
                .containsExactly(new FieldError("account", "No account 'nobody' is configured."));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsTheApiRefusesIt() throws Exception {
        Exchange done = producer.request("direct:feedgram-post", e -> e.getMessage().setBody("{not json"));

        assertThat(((PostRefusedException) done.getException()).errors()).isEqualTo(apiErrors("{not json"))
                .extracting(FieldError::field).containsExactly("body");
    }

    /** The errors the REST API answers for the same body. */
    private List<FieldError> apiErrors(String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/posts"))
                .header("Authorization", "Bearer test-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        return List.of(json.readValue(json.readTree(answer.body()).path("errors").toString(), FieldError[].class));
    }
}
