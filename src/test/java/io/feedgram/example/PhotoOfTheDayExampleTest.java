package io.feedgram.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.nio.file.Files;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Issue 14: routes/examples/photo-of-the-day.camel.yaml on its Quartz cron (every second here), publishing to the sandbox. */
class PhotoOfTheDayExampleTest extends ExampleTestSupport {

    @Test
    void theCronPostsTheFirstPhotoByNameCaptionedFromItsFileName() {
        photo(DAILY.resolve("a-" + marker + ".jpg"), Color.YELLOW);

        JsonNode published = awaitPublished(marker, 1).get(0);

        assertThat(published.path("mediaType").asText()).isEqualTo("IMAGE");
        assertThat(published.path("params").path("caption").asText())
                .isEqualTo("Photo of the day: a-" + marker + " #photooftheday");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(DAILY.resolve("done/a-" + marker + ".jpg")));
    }
}
