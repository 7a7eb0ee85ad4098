package io.feedgram.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.testing.SandboxTestHarness;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Uploads over HTTP, raw and as a form: kept and answered with an id, refused with a problem when
 * too large, of the wrong type or sent without a key, and published when a post names them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:uploads;DB_CLOSE_DELAY=-1",
        "feedgram.api.keys[0]=upload-key",
        "feedgram.media.max-image-bytes=2MB",
        "feedgram.media.store=target/test-media-uploads",
        "feedgram.accounts[0].id=shop",
        "feedgram.accounts[0].login=instagram",
        "feedgram.accounts[0].ig-user-id=17841400000000777",
        "feedgram.accounts[0].access-token=IGAA-test-upload-shop",
})
class MediaUploadsTest extends SandboxTestHarness {

    private static final String SHOP = "17841400000000777";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRawPngUploadIsKeptAndPublishedAsACompliantJpeg() throws Exception {
        byte[] png = MediaCorpus.png(MediaCorpus.picture(1200, 900, BufferedImage.TYPE_INT_ARGB));
        HttpResponse<String> uploaded = send(upload("image/png", png));

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode upload = json.readTree(uploaded.body());
        assertThat(upload.path("id").asText()).matches("[0-9a-f]{32}\\.png");
        assertThat(upload.path("type").asText()).isEqualTo("IMAGE");
        assertThat(upload.path("width").asInt()).isEqualTo(1200);
        assertThat(uploaded.headers().firstValue("Location")).hasValue("/media/" + upload.path("id").asText());

        String post = submit("{\"account\": \"shop\", \"caption\": \"Uploaded " + marker + "\", \"media\": [{\"upload\": \""
                + upload.path("id").asText() + "\"}]}");
        awaitStatus(post, "PUBLISHED");

        List<JsonNode> published = sandbox.published(SHOP, marker);
        assertThat(published).hasSize(1);
        String imageUrl = published.get(0).path("params").path("image_url").asText();
        assertThat(imageUrl).contains("/media/").endsWith(".jpg");
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(
                http.send(HttpRequest.newBuilder(URI.create(imageUrl)).build(), HttpResponse.BodyHandlers.ofByteArray()).body()));
        double ratio = (double) sent.getWidth() / sent.getHeight();
        assertThat(ratio).isBetween(0.8, 1.91);
    }

    @Test
    void aFormUploadIsKept() throws Exception {
        byte[] jpeg = MediaCorpus.jpeg(1080, 1080);
        String boundary = "feedgram-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(jpeg);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> uploaded = send(request("/api/v1/media").header("Authorization", "Bearer upload-key")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(json.readTree(uploaded.body()).path("id").asText()).endsWith(".jpg");
    }

    @Test
    void uploadsThatCannotBeKeptAreProblems() throws Exception {
        BufferedImage noise = new BufferedImage(1200, 1200, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        byte[] big = MediaCorpus.png(noise);                 // noise does not compress: over the 2 MB limit
        assertThat(big.length).isGreaterThan(2 * 1024 * 1024);
        assertProblem(send(upload("image/png", big)), 413);
        assertProblem(send(upload("text/plain", "hello".getBytes(StandardCharsets.UTF_8))), 415);
        assertProblem(send(upload("image/png", "not an image".getBytes(StandardCharsets.UTF_8))), 415);
        assertProblem(send(request("/api/v1/media").header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(MediaCorpus.jpeg(100, 100)))), 401);

        HttpResponse<String> unknown = send(request("/api/v1/posts").header("Authorization", "Bearer upload-key")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"account\": \"shop\", \"media\": [{\"upload\": \"0123456789abcdef0123456789abcdef.jpg\"}]}")));
        assertProblem(unknown, 422);
        assertThat(unknown.body()).contains("media[0].upload");
    }

    private HttpRequest.Builder upload(String contentType, byte[] body) {
        return request("/api/v1/media").header("Authorization", "Bearer upload-key").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private String submit(String body) throws Exception {
        HttpResponse<String> answer = send(request("/api/v1/posts").header("Authorization", "Bearer upload-key")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return json.readTree(answer.body()).path("id").asText();
    }

    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> posts.find(id).orElseThrow().status().name(), status::equals);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
