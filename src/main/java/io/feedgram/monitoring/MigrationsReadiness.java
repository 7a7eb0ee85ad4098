package io.feedgram.monitoring;

import org.flywaydb.core.Flyway;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code migrations} part of readiness: DOWN while the database lacks a migration this jar carries.
 * At start-up Flyway migrates before anything is served; this keeps a replica unready if its database
 * was replaced or rolled back under it.
 */
@Component("migrations")
class MigrationsReadiness implements HealthIndicator {

    private final Flyway flyway;

    MigrationsReadiness(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        return flyway.info().pending().length == 0 ? Health.up().build() : Health.down().build();
    }
}
