package io.feedgram.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.FeedgramApplication;
import io.feedgram.testing.SandboxTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The "what it must show", points 1 and 3: real-world media, served over HTTP as a blog
 * serves them, submitted through the inbox and through a feed, reach the sandbox (Instagram's
 * media rules, independent of the media package) as media it accepts: compliant files from their
 * own URL, the others as JPEGs Feedgram made and serves, whose centre is still the author's
 * colour; what cannot be made acceptable fails before any container with every reason; and media
 * URLs on private addresses are never fetched when the sandbox is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:media-publishing;DB_CLOSE_DELAY=-1",
        "media-test.corpus=true",
        "feedgram.media.store=target/media-publishing-test/store",
        "feedgram.api.keys[0]=" + MediaPublishingTest.KEY,
        "feedgram.accounts[0].id=studio",
        "feedgram.accounts[0].login=instagram",
        "feedgram.accounts[0].ig-user-id=" + MediaPublishingTest.STUDIO,
        "feedgram.accounts[0].access-token=" + MediaPublishingTest.STUDIO_TOKEN,
        "feedgram.feeds[0].id=corpus",
        "feedgram.feeds[0].url=http://localhost:${local.server.port}/corpus/feed.xml",
        "feedgram.feeds[0].account=studio",
        "feedgram.feeds[0].every=1h",
        "feedgram.feeds[0].backfill=all",
        "feedgram.feeds[0].caption={title} {link}",
})
class MediaPublishingTest extends SandboxTestHarness {

    static final String KEY = "media-test-key";
    static final String STUDIO = "17841400000000777";
    static final String STUDIO_TOKEN = "IGAA-media-publishing-studio";
    /** JPEG moves a flat colour by a few levels per channel (as in ImageNormaliserTest). */
    private static final int JPEG_TOLERANCE = 12;
    private static final long EIGHT_MIB = 8L * 1024 * 1024;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    CorpusMediaController corpus;

    /** The big camera original takes seconds to make: made before the clock of any one test runs. */
    @BeforeAll
    static void makeCorpus() {
        CorpusMediaController.FILES.keySet().parallelStream().forEach(CorpusMediaController::bytes);
    }

    /** Point 1: every kind of image a blog carries is published, as a JPEG Instagram takes, its meaning kept. */
    @Test
    void everyRealWorldImageIsPublishedAsACompliantJpeg() {
        Map<String, String> conversions = new LinkedHashMap<>();
        conversions.put("square.jpg", null);   // compliant: passed through from its own URL
        conversions.put("alpha.png", "PNG 1200×900 → JPEG 1200×900, flattened on #FFFFFF");
        conversions.put("photo.webp", "WebP 400×300 → JPEG 400×300");
        conversions.put("portrait-3x4.jpg", "JPEG 900×1200 → JPEG 960×1200, padded 3:4 → 4:5");
        conversions.put("portrait-2x3.jpg", "JPEG 800×1200 → JPEG 960×1200, padded 2:3 → 4:5");
        conversions.put("panorama.jpg", "JPEG 1800×600 → JPEG 1440×754, padded 3:1 → 1.91:1");
        conversions.put("cmyk.jpg", "800×600 → JPEG 800×600, ");            // CMYK or YCCK, as the reader names it
        conversions.put("exif6.jpg", "JPEG 1200×900 → JPEG 960×1200, rotated (EXIF 6), padded 3:4 → 4:5");
        conversions.put("camera.jpg", "JPEG 7000×5000 → JPEG 1440×1029");
        conversions.put("animated.gif", "GIF (first of 3 frames) 500×500 → JPEG 500×500");
        assertThat(CorpusMediaController.bytes("camera.jpg").length).as("the camera original is over 8 MiB")
                .isGreaterThan((int) EIGHT_MIB);

        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : conversions.keySet()) {
            ids.put(name, submit(post("FEED", tag(name), media(corpusUrl(name), "IMAGE"))));
        }

        for (Map.Entry<String, String> conversion : conversions.entrySet()) {
            String name = conversion.getKey();
            JsonNode post = awaitEnd(ids.get(name));
            assertThat(post.path("status").asText()).as("%s: %s", name, post.path("error")).isEqualTo("PUBLISHED");
            JsonNode published = publishedOne(name);
            String imageUrl = published.path("params").path("image_url").asText();
            if (conversion.getValue() == null) {
                assertThat(imageUrl).as(name).isEqualTo(corpusUrl(name));
                assertThat(detail(post, "CONTAINERS_CREATED")).as(name).doesNotContain("→");
            } else {
                assertThat(imageUrl).as(name).startsWith("http://localhost:" + port + "/media/").endsWith(".jpg");
                assertThat(detail(post, "CONTAINERS_CREATED")).as(name).contains("created; ").contains(conversion.getValue());
            }
            byte[] jpeg = download(imageUrl);
            assertCompliantFeedJpeg(name, jpeg);
            if (name.equals("exif6.jpg")) {
                // Shown upright the stored left half (the author's colour) is on top, the right half below.
                assertThat(MediaCorpus.close(pixel(jpeg, 0.5, 0.05), MediaCorpus.CENTRE, JPEG_TOLERANCE)).as(name).isTrue();
                assertThat(MediaCorpus.close(pixel(jpeg, 0.5, 0.95), MediaCorpus.FIELD, JPEG_TOLERANCE)).as(name).isTrue();
            }
            int centre = MediaCorpus.centre(jpeg);
            int original = MediaCorpus.centre(CorpusMediaController.bytes(name));
            assertThat(MediaCorpus.close(centre, original, JPEG_TOLERANCE))
                    .as("%s: centre %06X, originally %06X", name, centre, original).isTrue();
        }
        assertThat(detail(awaitEnd(ids.get("cmyk.jpg")), "CONTAINERS_CREATED")).containsPattern("JPEG \\((CMYK|YCCK)\\) 800×600")
                .containsPattern("(CMYK|YCCK) → sRGB");
    }

    /** Point 1, videos: what Instagram takes goes from its own URL; what it cannot take fails before any container. */
    @Test
    void reelsArePublishedFromTheirOwnUrlOrRefusedBeforeAnyContainer() {
        String reel = submit(post("REEL", tag("reel"), media(corpusUrl("reel-9x16.mp4"), "VIDEO")));
        String sixty = submit(post("REEL", tag("sixty"), media(corpusUrl("sixty-16x9.mp4"), "VIDEO")));
        String hevc = submit(post("REEL", tag("hevc"), media(corpusUrl("hevc.mov"), "VIDEO")));
        String webm = submit(post("REEL", tag("webm"), media(corpusUrl("vp9.webm"), "VIDEO")));
        String shortClip = submit(post("REEL", tag("short"), media(corpusUrl("short-2s.mp4"), "VIDEO")));

        for (Map.Entry<String, String> video : Map.of("reel", reel, "sixty", sixty, "hevc", hevc).entrySet()) {
            String name = video.getKey();
            JsonNode post = awaitEnd(video.getValue());
            assertThat(post.path("status").asText()).as("%s: %s", name, post.path("error")).isEqualTo("PUBLISHED");
            JsonNode published = publishedOne(name);
            assertThat(published.path("mediaProductType").asText()).as(name).isEqualTo("REELS");
            assertThat(published.path("params").path("video_url").asText()).as(name)
                    .isEqualTo(post.path("media").get(0).path("url").asText());
            assertThat(detail(post, "CONTAINERS_CREATED")).as(name).doesNotContain("→");
        }

        assertRefusedBeforeAnyContainer(webm, "WebM (VP9) video cannot be published without transcoding");
        assertRefusedBeforeAnyContainer(shortClip, "video is 2.0 s long; reels need at least 3 s");
    }

    /**
     * A disagreement this test found between the client and the oracle, settled for the oracle: a
     * 60 fps clip at 1000 ticks a second, whose 600 frames last 16 ticks each (1000/60 rounded down)
     * in a track of 10 000 ticks. VideoInspector counted frames over the track's duration (mdhd:
     * 600 / 10 s = 60 fps) and passed it; the sandbox's IsoBoxReader, like ffprobe, counts them over
     * the sample table's time (stts: 600 / 9.6 s = 62.5 fps) and ended its container in ERROR 2207026
     * ("frame rate 62.5 is outside 23-60 fps"). The file's frames really are 16 ms apart, so the right
     * behaviour is a refusal before any container, naming the frame rate; VideoInspector now counts
     * as the sandbox does.
     */
    @Test
    void aSixtyFpsClipWhoseSampleTableRunsFasterIsRefusedBeforeAnyContainer() {
        String id = submit(post("REEL", tag("sixty-ms"), media(corpusUrl("sixty-16x9-ms.mp4"), "VIDEO")));

        assertRefusedBeforeAnyContainer(id, "video runs at 62.5 fps; reels need 23–60 fps");
    }

    /** Point 3: a carousel's images are brought to one ratio, so Instagram crops none of them. */
    @Test
    void aCarouselOfAPortraitAndAPanoramaIsPublishedWithOneRatio() {
        String id = submit(post("FEED", tag("carousel"),
                media(corpusUrl("portrait-3x4.jpg"), "IMAGE") + ", " + media(corpusUrl("panorama.jpg"), "IMAGE")));

        JsonNode post = awaitEnd(id);
        assertThat(post.path("status").asText()).as("%s", post.path("error")).isEqualTo("PUBLISHED");
        assertThat(detail(post, "CONTAINERS_CREATED")).contains("item 1: JPEG 900×1200 → ").contains("item 2: JPEG 1800×600 → ");
        JsonNode published = publishedOne("carousel");
        assertThat(published.path("mediaType").asText()).isEqualTo("CAROUSEL_ALBUM");
        List<Double> ratios = new ArrayList<>();
        for (JsonNode child : published.path("children")) {
            String url = child.path("params").path("image_url").asText();
            assertThat(url).startsWith("http://localhost:" + port + "/media/");
            byte[] jpeg = download(url);
            assertCompliantFeedJpeg(url, jpeg);
            ratios.add(ratio(jpeg));
        }
        assertThat(ratios).hasSize(2);
        assertThat(ratios.get(1)).as("the children's ratios %s", ratios).isCloseTo(ratios.get(0), within(ratios.get(0) * 0.01));
    }

    /** Point 1, through a feed: a blog's entries with a PNG and a 3:4 JPEG are published as compliant JPEGs. */
    @Test
    void aFeedsPngAndPortraitArePublishedAsCompliantJpegs() {
        corpus.feedItems(item("png-" + marker, "PNG " + marker, "picture.png", "image/png")
                + item("portrait-" + marker, "Portrait " + marker, "portrait-3x4.jpg", "image/jpeg"));
        JsonNode polled = call("POST", "/api/v1/feeds/corpus/poll", null).body();
        assertThat(polled.path("last_status").asText()).as("%s", polled).isEqualTo("OK");

        for (String title : List.of("PNG " + marker, "Portrait " + marker)) {
            String id = await().atMost(Duration.ofSeconds(10)).until(() -> postWithCaption(title), java.util.Objects::nonNull);
            JsonNode post = awaitEnd(id);
            assertThat(post.path("status").asText()).as("%s: %s", title, post.path("error")).isEqualTo("PUBLISHED");
            assertThat(post.path("source").path("feed").asText()).isEqualTo("corpus");
            assertThat(detail(post, "CONTAINERS_CREATED")).contains(title.startsWith("PNG")
                    ? "PNG 1200×900 → JPEG 1200×900" : "JPEG 900×1200 → JPEG 960×1200, padded 3:4 → 4:5");
            List<JsonNode> published = sandbox.published(STUDIO, title);
            assertThat(published).as(title).hasSize(1);
            String url = published.get(0).path("params").path("image_url").asText();
            assertThat(url).startsWith("http://localhost:" + port + "/media/");
            byte[] jpeg = download(url);
            assertCompliantFeedJpeg(title, jpeg);
            assertThat(MediaCorpus.close(MediaCorpus.centre(jpeg), MediaCorpus.CENTRE, JPEG_TOLERANCE)).as(title).isTrue();
        }
    }

    /**
     * Server-side request forgery, with the sandbox off: Feedgram (a second application, its Graph
     * URLs at this one's sandbox) is asked to post media on loopback, link-local and private
     * addresses; each post fails before any container, with the guard's reason, and nothing is fetched.
     */
    @Test
    void mediaOnPrivateAddressesIsNeverFetchedWithTheSandboxOff() {
        String sandboxUrl = "http://localhost:" + port + "/sandbox/";
        try (ConfigurableApplicationContext guarded = new SpringApplicationBuilder(FeedgramApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:media-publishing-guarded;DB_CLOSE_DELAY=-1",
                "--feedgram.sandbox.enabled=false",
                "--feedgram.demo.enabled=false",
                "--feedgram.security.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--feedgram.graph.instagram-url=" + sandboxUrl + "graph.instagram.com",
                "--feedgram.graph.facebook-url=" + sandboxUrl + "graph.facebook.com",
                "--feedgram.media.store=target/media-publishing-test/guarded-store",
                "--feedgram.api.keys[0]=" + KEY,
                "--feedgram.accounts[0].id=studio",
                "--feedgram.accounts[0].login=instagram",
                "--feedgram.accounts[0].ig-user-id=" + STUDIO,
                "--feedgram.accounts[0].access-token=" + STUDIO_TOKEN,
                "--feedgram.publishing.min-interval=0s",
                "--feedgram.publishing.retry-delay=200ms")) {
            int guardedPort = Integer.parseInt(guarded.getEnvironment().getProperty("local.server.port"));
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("http://127.0.0.1:" + port + "/corpus/square.jpg?m=" + marker, "127.0.0.1, a loopback address");
            urls.put("http://169.254.169.254/latest/meta-data", "169.254.169.254, a link-local address");
            urls.put("http://10.255.0.1/photo.jpg?m=" + marker, "10.255.0.1, a private address");
            Map<String, String> ids = new LinkedHashMap<>();
            for (String url : urls.keySet()) {
                ids.put(url, submit(guardedPort, post("FEED", tag(url), media(url, "IMAGE"))));
            }
            for (Map.Entry<String, String> url : urls.entrySet()) {
                JsonNode post = awaitEnd(guardedPort, ids.get(url.getKey()));
                assertRefusedBeforeAnyContainer(post, "media refused before any container: the media URL " + url.getKey()
                        + " resolves to " + url.getValue() + "; Feedgram does not fetch private addresses");
            }
            assertThat(corpus.requests(marker)).as("requests for the loopback URL").isEmpty();
            assertThat(sandbox.published(STUDIO, marker)).isEmpty();
        }
    }

    // --- assertions

    /** What the sandbox's own image check demands of a feed image, read independently of the media package. */
    private static void assertCompliantFeedJpeg(String name, byte[] jpeg) {
        assertThat(jpeg.length).as("%s: bytes", name).isLessThanOrEqualTo((int) EIGHT_MIB);
        assertThat(jpeg[0] & 0xFF).as("%s: JPEG SOI", name).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).as("%s: JPEG SOI", name).isEqualTo(0xD8);
        assertThat(ratio(jpeg)).as("%s: ratio", name).isBetween(0.8, 1.91);
    }

    private void assertRefusedBeforeAnyContainer(String id, String reason) {
        assertRefusedBeforeAnyContainer(awaitEnd(id), reason);
    }

    private void assertRefusedBeforeAnyContainer(JsonNode post, String reason) {
        assertThat(post.path("status").asText()).as("%s", post).isEqualTo("FAILED");
        assertThat(post.path("error").path("message").asText()).startsWith("media refused before any container: ").contains(reason);
        assertThat(post.path("instagram").path("container_ids")).as("container ids").isEmpty();
        assertThat(post.path("history").findValuesAsText("status")).doesNotContain("CONTAINERS_CREATED");
    }

    // --- the corpus and the posts

    private String corpusUrl(String name) {
        return "http://localhost:" + port + "/corpus/" + name + "?m=" + marker;
    }

    /** A caption fragment naming one post of this test, found again in the sandbox's published media. */
    private String tag(String name) {
        return "[" + marker + " " + name + "]";
    }

    private static String media(String url, String type) {
        return "{\"url\": \"" + url + "\", \"type\": \"" + type + "\"}";
    }

    private static String post(String kind, String caption, String media) {
        return "{\"account\": \"studio\", \"kind\": \"" + kind + "\", \"caption\": \"" + caption + "\", \"media\": [" + media + "]}";
    }

    private static String item(String guid, String title, String file, String type) {
        return "<item><title>" + title + "</title><link>{base}/blog/" + guid + "</link><guid>" + guid + "</guid>"
                + "<pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate>"
                + "<enclosure url=\"{base}/corpus/" + file + "?g=" + guid + "\" type=\"" + type + "\" length=\"0\"/></item>";
    }

    private JsonNode publishedOne(String name) {
        List<JsonNode> published = sandbox.published(STUDIO, tag(name));
        assertThat(published).as("published media of %s", name).hasSize(1);
        return published.get(0);
    }

    /** The detail of the post's last history entry with {@code status}. */
    private static String detail(JsonNode post, String status) {
        String found = null;
        for (JsonNode entry : post.path("history")) {
            if (entry.path("status").asText().equals(status)) {
                found = entry.path("detail").asText();
            }
        }
        assertThat(found).as("a %s entry in %s", status, post.path("history")).isNotNull();
        return found;
    }

    private String postWithCaption(String fragment) {
        JsonNode page = call("GET", "/api/v1/posts?account=studio", null).body();
        for (JsonNode post : page.path("items")) {
            if (post.path("caption").asText().contains(fragment)) {
                return post.path("id").asText();
            }
        }
        return null;
    }

    // --- HTTP

    private String submit(String body) {
        return submit(port, body);
    }

    private String submit(int to, String body) {
        Answer answer = call(to, "POST", "/api/v1/posts", body);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(202);
        return answer.body().path("id").asText();
    }

    private JsonNode awaitEnd(String id) {
        return awaitEnd(port, id);
    }

    /** The post once it is PUBLISHED or FAILED (whichever it ends as, so a failure shows its reason). */
    private JsonNode awaitEnd(int to, String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> call(to, "GET", "/api/v1/posts/" + id, null).body(),
                        post -> Set.of("PUBLISHED", "FAILED").contains(post.path("status").asText()));
    }

    private Answer call(String method, String path, String body) {
        return call(port, method, path, body);
    }

    private Answer call(int to, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + to + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isBlank() ? json.nullNode() : json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the sandbox would fetch at {@code url}, fetched the same way. */
    private byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(url).hasValue("image/jpeg");
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double ratio(byte[] jpeg) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(jpeg));
            return (double) image.getWidth() / image.getHeight();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The colour at a point given as fractions of the width and height. */
    private static int pixel(byte[] jpeg, double x, double y) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(jpeg));
            return image.getRGB((int) (image.getWidth() * x), (int) (image.getHeight() * y)) & 0xFFFFFF;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Answer(int status, JsonNode body) {
    }
}
