package io.feedgram.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 11, point 4: the liveness and readiness groups, and what takes readiness down. */
class ProbesTest extends MonitoringTestSupport {

    @Autowired
    CamelContext camel;

    @Test
    void livenessIsTheJvmAloneAndReadinessAlsoTheDatabaseMigrationsAndRoutes() throws Exception {
        JsonNode liveness = new ObjectMapper().readTree(get("/actuator/health/liveness", null).body());
        assertThat(liveness.path("status").asText()).isEqualTo("UP");
        assertThat(liveness.path("components").fieldNames()).toIterable().containsExactly("livenessState");

        JsonNode readiness = new ObjectMapper().readTree(get("/actuator/health/readiness", null).body());
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "db", "migrations", "routes");
    }

    @Test
    void aStoppedRouteMakesTheReplicaUnreadyButNotDead() throws Exception {
        try {
            camel.getRouteController().stopRoute("feed-poll");
            assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
            assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        } finally {
            camel.getRouteController().startRoute("feed-poll");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/actuator/health/readiness", null).statusCode(), code -> code == 200);
    }
}
