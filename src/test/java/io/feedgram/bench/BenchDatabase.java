package io.feedgram.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database the engine runs on: the shipped H2 (in the Feedgram process), or with {@code -Dbench.database=postgres}
 * a PostgreSQL started here (the same embedded server the tests use), a fresh database per run. The CPU a run
 * counts is Feedgram's plus, on PostgreSQL, the server's processes', so the two are compared on the same work.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private BenchDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static BenchDatabase of(String name) {
        if (name.equals("h2")) {
            return new BenchDatabase(null);
        }
        if (!name.equals("postgres")) {
            throw new IllegalArgumentException("bench.database is h2 or postgres, not " + name);
        }
        try {
            return new BenchDatabase(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String label() {
        return postgres == null ? "H2" : "PostgreSQL";
    }

    /** The datasource settings of a fresh database, or none for H2 (FeedgramJar gives each run its own file). */
    Map<String, Object> settings() {
        if (postgres == null) {
            return Map.of();
        }
        String name = "engine_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the benchmark database", e);
        }
        return Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", name),
                "spring.datasource.username", "postgres", "spring.datasource.password", "postgres");
    }

    /** CPU the database's server processes have used so far (zero for H2, which runs inside Feedgram). */
    Duration cpuTime() {
        if (postgres == null) {
            return Duration.ZERO;
        }
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
