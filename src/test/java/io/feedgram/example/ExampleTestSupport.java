package io.feedgram.example;

import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.testing.SandboxTestHarness;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Feedgram started with the example routes and a user's route (src/test/resources/routes) added to
 * camel.main.routes-include-pattern, exactly as a user enables them, and the sandbox as Instagram.
 * The examples' folders and feed live in a temporary directory. All example tests share this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:examples;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:${user.dir}/routes/*.camel.yaml,"
                + "file:${user.dir}/routes/examples/*.camel.yaml,file:${user.dir}/src/test/resources/routes/*.camel.yaml",
        "feedgram.api.keys[0]=test-key",
        "feedgram.accounts[0].id=shop",
        "feedgram.accounts[0].login=instagram",
        "feedgram.accounts[0].ig-user-id=17841400000000555",
        "feedgram.accounts[0].access-token=IGAA-test-examples-shop",
        "feedgram.accounts[1].id=demo",
        "feedgram.accounts[1].login=instagram",
        "feedgram.accounts[1].ig-user-id=17841400000000666",
        "feedgram.accounts[1].access-token=IGAA-test-examples-demo",
        "feedgram.examples.account=shop",
        "feedgram.examples.photo-folder.every=300ms",
        "feedgram.examples.photo-of-the-day.cron=0/1 * * * * ?",
        "feedgram.examples.feed-stories.every=500ms",
})
abstract class ExampleTestSupport extends SandboxTestHarness {

    static final String SHOP = "17841400000000555";
    static final String DEMO = "17841400000000666";
    static final Path ROOT = temporaryRoot();
    static final Path PHOTOS = ROOT.resolve("photos");
    static final Path DAILY = ROOT.resolve("daily");
    static final Path FEED = ROOT.resolve("stories.xml");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("feedgram.examples.photo-folder.path", PHOTOS::toString);
        registry.add("feedgram.examples.photo-of-the-day.path", DAILY::toString);
        registry.add("feedgram.examples.feed-stories.url", () -> FEED.toUri().toString());
    }

    /** A square JPEG, as a camera or phone would leave it in the folder. */
    static void photo(Path file, Color colour) {
        BufferedImage image = new BufferedImage(1080, 1080, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 1080, 1080);
        g.dispose();
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "jpg", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void text(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files were copied in a while ago: a copy that is complete. */
    static void settled(Path... files) {
        for (Path file : files) {
            try {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What the sandbox published for the shop account whose parameters mention {@code text}, once there are {@code count}. */
    List<JsonNode> awaitPublished(String text, int count) {
        return awaitPublished(SHOP, text, count);
    }

    List<JsonNode> awaitPublished(String igUserId, String text, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> sandbox.published(igUserId, text).size() >= count);
        return sandbox.published(igUserId, text);
    }

    /** The examples' folders, and a feed with no entries yet (a test writes its own). */
    private static Path temporaryRoot() {
        try {
            Path root = Files.createTempDirectory("feedgram-examples");
            Files.writeString(root.resolve("stories.xml"), "<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
