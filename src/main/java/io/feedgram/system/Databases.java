package io.feedgram.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

/** Which of the two supported databases (H2, PostgreSQL) is behind a data source, for the few statements that differ. */
public final class Databases {

    private Databases() {
    }

    public static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("the database cannot be reached to learn which it is", e);
        }
    }

    /**
     * An H2 database in a file that writes commits to it in the background ({@code WRITE_DELAY} above 0, H2's default
     * being half a second), rather than each commit at once.
     */
    public static boolean isH2FileWithWriteDelay(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
                return false;
            }
            try (ResultSet h2 = statement.executeQuery("select database_path(), (select max(setting_value) from"
                    + " information_schema.settings where setting_name = 'WRITE_DELAY')")) {
                return h2.next() && h2.getString(1) != null && !"0".equals(h2.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database cannot be reached to learn how it writes", e);
        }
    }
}
