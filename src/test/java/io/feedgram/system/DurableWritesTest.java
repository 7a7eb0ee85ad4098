package io.feedgram.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.feedgram.testing.KilledH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit survives a killed process once awaited ({@link KilledH2}: an H2 file with a minute's write delay). */
class DurableWritesTest {

    @TempDir
    Path dir;

    private JdbcDataSource database(String options) {
        return KilledH2.database(dir, options);
    }

    /** Writes one row, optionally awaits durability, "kills" the database and answers how many rows it kept. */
    private int rowsAfterKill(boolean await) throws Exception {
        return KilledH2.rowsKeptAfter(dir, (jdbc, h2) -> {
            if (await) {
                new DurableWrites(jdbc, h2).await();
            }
        });
    }

    @Test
    void aCommitAwaitedSurvivesAKill() throws Exception {
        assertThat(rowsAfterKill(true)).isEqualTo(1);
    }

    @Test
    void aCommitNotAwaitedIsLostWithTheWriteDelayItWaitedIn() throws Exception {
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
