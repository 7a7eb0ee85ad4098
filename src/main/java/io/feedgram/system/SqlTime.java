package io.feedgram.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from SQL {@code timestamp with time zone} columns. JDBC 4.2 drivers (H2 and
 * PostgreSQL alike) exchange such columns as {@link OffsetDateTime}, not {@link Instant}.
 */
public final class SqlTime {

    private SqlTime() {
    }

    /** {@code instant} as a statement parameter, in UTC; null stays null. */
    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The instant in {@code column} of the current row; null for SQL NULL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
