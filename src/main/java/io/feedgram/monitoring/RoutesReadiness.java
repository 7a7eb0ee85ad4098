package io.feedgram.monitoring;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code routes} part of readiness: UP once Camel runs every route meant to start, DOWN before, while
 * it stops, and when no route was loaded at all (a {@code routes/} folder missing beside the jar leaves
 * Feedgram up but doing nothing, which must not look ready).
 */
@Component("routes")
class RoutesReadiness implements HealthIndicator {

    private final CamelContext camel;

    RoutesReadiness(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Health health() {
        boolean ready = camel.isStarted() && !camel.getRoutes().isEmpty()
                && camel.getRoutes().stream().allMatch(this::startedIfMeantTo);
        return ready ? Health.up().build() : Health.down().build();
    }

    private boolean startedIfMeantTo(Route route) {
        return !Boolean.TRUE.equals(route.isAutoStartup())
                || camel.getRouteController().getRouteStatus(route.getId()).isStarted();
    }
}
