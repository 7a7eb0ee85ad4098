package io.feedgram.post;

import static io.feedgram.system.SqlTime.at;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.feedgram.system.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The accounts the claim looks among for posts to begin ({@link PostLeases#claim}): each has a row in
 * {@code account_state}, made when its configuration is first read or its first post is stored, whichever comes
 * first. Rows are never deleted, so each account is tracked once per process.
 */
@Component
public class TrackedAccounts {

    private static final Logger log = LoggerFactory.getLogger(TrackedAccounts.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String insert;
    private final Set<String> tracked = ConcurrentHashMap.newKeySet();

    public TrackedAccounts(JdbcClient jdbc, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.insert = """
                insert into account_state (account_id, status, updated_at) select ?, 'ACTIVE', ?
                where not exists (select 1 from account_state where account_id = ?)"""
                + (Databases.isPostgres(dataSource) ? " on conflict (account_id) do nothing" : "");
    }

    /**
     * Tracks the account as active unless it is tracked already. Two at once (two submissions, two replicas) both
     * try: on PostgreSQL the second does nothing, on H2 it fails alone, and a transaction around it goes on.
     */
    public void track(String accountId) {
        if (tracked.contains(accountId)) {
            return;
        }
        try {
            jdbc.sql(insert).params(accountId, at(clock.instant()), accountId).update();
        } catch (DuplicateKeyException trackedMeanwhile) {
            log.debug("account {} was tracked by another writer meanwhile", accountId);
        }
        // Remembered once it is committed: a submission rolled back takes its row with it.
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            tracked.add(accountId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                tracked.add(accountId);
            }
        });
    }
}
