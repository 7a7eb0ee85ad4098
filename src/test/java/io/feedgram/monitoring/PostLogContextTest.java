package io.feedgram.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Issue 11, point 5: every line a route logs about a post names the post, its account and the route. */
class PostLogContextTest extends MonitoringTestSupport {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void listen() {
        lines.start();
        root.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(lines);
    }

    @Test
    void everyLineARouteLogsAboutAPostCarriesItsIdAccountAndRoute() {
        String postId = submitImage();
        awaitPublished(postId);

        List<ILoggingEvent> aboutThePost = List.copyOf(lines.list).stream()
                // Camel's own threads, and the publishing engine's workers that run the post-work route.
                .filter(line -> line.getThreadName().startsWith("Camel") || line.getThreadName().startsWith("post-step-"))
                .filter(line -> line.getFormattedMessage().contains(postId)).toList();
        assertThat(aboutThePost).as("lines logged by routes about the post").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                        .containsEntry(PostLogContext.POST_ID, postId)
                        .containsEntry(PostLogContext.ACCOUNT, "alpha")
                        .containsKey("camel.routeId"));
        assertThat(aboutThePost).anyMatch(line -> line.getFormattedMessage().contains("-> PUBLISHED"));
    }
}
