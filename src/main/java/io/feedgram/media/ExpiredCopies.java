package io.feedgram.media;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the copies no container needs any more: their post was published, failed or was
 * cancelled longer than {@code feedgram.media.retention} ago (a container lives 24 hours); and
 * uploads older than the retention that no waiting post names.
 */
@Component
public class ExpiredCopies {

    private static final Logger log = LoggerFactory.getLogger(ExpiredCopies.class);

    private static final java.time.Duration SCRATCH_LIFE = java.time.Duration.ofHours(6);

    private final PreparedMedia prepared;
    private final MediaStore store;
    private final MediaProperties properties;
    private final Clock clock;

    ExpiredCopies(PreparedMedia prepared, MediaStore store, MediaProperties properties, Clock clock) {
        this.prepared = prepared;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public int delete() {
        int deleted = 0;
        java.time.Instant cutoff = clock.instant().minus(properties.retention());
        for (String file : prepared.expiredFiles(cutoff)) {
            store.delete(file);
            prepared.forget(file);
            deleted++;
        }
        // A scratch file lives for one download and conversion; an older one was left by a killed process.
        deleted += store.deleteScratchOlderThan(clock.instant().minus(SCRATCH_LIFE));
        for (String file : store.olderThan(cutoff)) {
            if (!prepared.wanted(file)) {
                store.delete(file);
                deleted++;
            }
        }
        if (deleted > 0) {
            log.info("deleted {} media copies no container needs any more", deleted);
        }
        return deleted;
    }
}
