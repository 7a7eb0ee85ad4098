package io.feedgram.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2's SHUTDOWN IMMEDIATELY closes the database without writing what it still holds, as a killed process would. The
 * write delay is a minute here, so that nothing reaches the file in the background while the test runs.
 */
class DurableWritesTest {

    @TempDir
    Path dir;

    private JdbcDataSource database(String options) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + options);
        h2.setUser("sa");
        return h2;
    }

    /** Writes one row, optionally awaits durability, "kills" the database and answers how many rows it kept. */
    private int rowsAfterKill(boolean await) {
        JdbcDataSource h2 = database(";WRITE_DELAY=60000;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("create table if not exists mark (id int)").update();
        jdbc.sql("checkpoint").update();
        jdbc.sql("insert into mark values (1)").update();
        if (await) {
            new DurableWrites(jdbc, h2).await();
        }
        jdbc.sql("shutdown immediately").update();
        return JdbcClient.create(database("")).sql("select count(*) from mark").query(Integer.class).single();
    }

    @Test
    void aCommitAwaitedSurvivesAKill() {
        assertThat(rowsAfterKill(true)).isEqualTo(1);
    }

    @Test
    void aCommitNotAwaitedIsLostWithTheWriteDelayItWaitedIn() {
        assertThat(rowsAfterKill(false)).as("the test can tell a lost commit").isZero();
    }

    @Test
    void onlyH2FilesWithAWriteDelayNeedIt() {
        assertThat(Databases.isH2FileWithWriteDelay(database(""))).isTrue();
        assertThat(Databases.isH2FileWithWriteDelay(database(";WRITE_DELAY=0"))).isFalse();
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:durable");
        assertThat(Databases.isH2FileWithWriteDelay(memory)).isFalse();
    }
}
