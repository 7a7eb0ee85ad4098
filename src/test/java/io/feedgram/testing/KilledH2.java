package io.feedgram.testing;

import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a commit survives a killed process, on an H2 file whose write delay is a minute, so that nothing reaches the
 * file in the background meanwhile: one row is committed, {@code between} runs, then H2's SHUTDOWN IMMEDIATELY closes
 * the database without writing what it still holds, as a killed process would, and the rows the file kept are counted.
 */
public final class KilledH2 {

    /** What runs between the commit and the kill, given the database. */
    public interface Between {
        void run(JdbcClient jdbc, JdbcDataSource h2) throws Exception;
    }

    private KilledH2() {
    }

    /** 1 when the row committed before {@code between} was in the file at the kill, 0 when it was lost. */
    public static int rowsKeptAfter(Path dir, Between between) throws Exception {
        JdbcDataSource h2 = database(dir, ";WRITE_DELAY=60000;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("create table if not exists mark (id int)").update();
        jdbc.sql("checkpoint").update();
        jdbc.sql("insert into mark values (1)").update();
        between.run(jdbc, h2);
        jdbc.sql("shutdown immediately").update();
        return JdbcClient.create(database(dir, "")).sql("select count(*) from mark").query(Integer.class).single();
    }

    /** The H2 file database in {@code dir}, with these URL options. */
    public static JdbcDataSource database(Path dir, String options) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + options);
        h2.setUser("sa");
        return h2;
    }
}
