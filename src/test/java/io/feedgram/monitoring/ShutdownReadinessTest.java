package io.feedgram.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.feedgram.FeedgramApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Issue 11, point 4: readiness goes up only after migrations and routes, and down as soon as a shutdown
 * begins, while the server still answers. A Feedgram of its own, started and stopped here.
 */
class ShutdownReadinessTest {

    private final List<String> seen = new ArrayList<>();

    @Test
    void readyAfterMigrationsAndRoutesAndUnreadyFromTheStartOfShutdown() throws Exception {
        ConfigurableApplicationContext feedgram = new SpringApplicationBuilder(FeedgramApplication.class)
                .listeners(event -> {
                    if (event instanceof AvailabilityChangeEvent<?> change && change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                        ApplicationContext context = (ApplicationContext) change.getSource();
                        seen.add("accepting: pending migrations " + context.getBean(Flyway.class).info().pending().length
                                + ", routes " + context.getBean("routes", RoutesReadiness.class).health().getStatus());
                    }
                    if (event instanceof ContextClosedEvent closed) {
                        seen.add("closing: readiness " + readiness(closed.getApplicationContext()));
                    }
                })
                // Arguments, not builder properties: those are defaults, which the shipped application.yaml
                // would override (its port and its database under ./data).
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:shutdown;DB_CLOSE_DELAY=-1",
                        "--feedgram.sandbox.enabled=true", "--feedgram.demo.enabled=false",
                        "--feedgram.media.store=target/shutdown/media", "--feedgram.security.key-file=target/shutdown/encryption.key");
        assertThat(readiness(feedgram)).isEqualTo(200);
        feedgram.close();
        assertThat(seen).containsExactly("accepting: pending migrations 0, routes UP", "closing: readiness 503");
    }

    private static int readiness(ApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
