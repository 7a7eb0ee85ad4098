package io.feedgram.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14: the complete route README.md's "Write your own route" offers to copy works as printed.
 * It is taken from the README, saved as a file and loaded from it, as a user would; only its folder
 * is moved to a temporary directory.
 */
class ReadmeRouteTest extends ExampleTestSupport {

    private static final Pattern FIRST_YAML = Pattern.compile("## Write your own route.*?```yaml\\n(.*?)```", Pattern.DOTALL);

    @Autowired
    CamelContext camel;

    @Test
    void theReadmesRoutePostsADroppedPhotoAndMovesARefusedFileToFailed() throws Exception {
        Path folder = ROOT.resolve("my-photos");
        Path route = ROOT.resolve("my-photos.camel.yaml");
        Files.writeString(route, readmeRoute().replace("file:my-photos", "file:" + folder));
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:" + route));

        photo(folder.resolve(marker + ".jpg"), Color.CYAN);
        Files.write(folder.resolve("broken.png"), new byte[] {1, 2, 3});

        JsonNode published = awaitPublished(DEMO, marker, 1).get(0);
        assertThat(published.path("params").path("caption").asText()).isEqualTo(marker + " #photo");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("done/" + marker + ".jpg"))
                && Files.exists(folder.resolve("failed/broken.png")));
    }

    private static String readmeRoute() throws IOException {
        Matcher yaml = FIRST_YAML.matcher(Files.readString(Path.of("README.md")));
        assertThat(yaml.find()).as("a YAML block in README's Write your own route").isTrue();
        return yaml.group(1);
    }
}
