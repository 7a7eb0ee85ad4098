package io.feedgram.system;

import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes every commit made so far survive a killed process before Feedgram lets anything outside depend on it: a
 * Graph call that changes something at Instagram (a publish must find its "publishing" mark after a crash), creating a
 * container aside ({@code MetaTransport.postRepeatable}: a container whose id was lost is never published), an answer
 * that accepts a submission, a webhook or a change. PostgreSQL makes each commit durable itself. H2 writes commits to
 * its file in the background, up to {@code WRITE_DELAY} later (half a second by default), which costs a small
 * fraction of writing each commit at once ({@code WRITE_DELAY=0}: each of the dozen or so commits of a post was a
 * store of its own, and the file grew by hundreds of megabytes under load). Here one {@code CHECKPOINT}, which
 * stores synchronously, covers every thread waiting when it starts: a group commit.
 */
@Component
public class DurableWrites {

    private static final Logger log = LoggerFactory.getLogger(DurableWrites.class);

    private final JdbcClient jdbc;
    private final boolean needed;
    private final AtomicLong requested = new AtomicLong();
    private final Object storing = new Object();
    private long stored;

    public DurableWrites(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.needed = Databases.isH2FileWithWriteDelay(dataSource);
    }

    /** Returns once every commit made before the call is in the database's file. */
    public void await() {
        if (!needed) {
            return;
        }
        long ticket = requested.incrementAndGet();
        synchronized (storing) {
            if (stored >= ticket) {
                return;                                  // a store that began after this call's commits covered them
            }
            long covered = requested.get();
            try {
                jdbc.sql("checkpoint").update();
            } catch (DataAccessException e) {
                // CHECKPOINT needs H2 admin rights; without them commits still reach the file within WRITE_DELAY.
                log.error("H2 refused CHECKPOINT, so commits are not written at once before calls to Instagram and "
                        + "answers; give the database user admin rights or add ;WRITE_DELAY=0 to the URL: {}", e.getMessage());
            }
            stored = covered;
        }
    }
}
