package io.feedgram.account;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.feedgram.post.PostTransitions;
import io.feedgram.system.Columns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether each account may publish now (active, paused for a while, or waiting for a new
 * token, with its posts parked meanwhile), plus the per-account publish lock and pacing that
 * keep one publish in flight per account.
 */
@Service
public class AccountStates {

    private static final Logger log = LoggerFactory.getLogger(AccountStates.class);

    private final JdbcClient jdbc;
    private final PostTransitions transitions;
    private final Clock clock;

    public AccountStates(JdbcClient jdbc, PostTransitions transitions, Clock clock) {
        this.jdbc = jdbc;
        this.transitions = transitions;
        this.clock = clock;
    }

    public Optional<AccountState> state(String accountId) {
        return jdbc.sql("select * from account_state where account_id = ?").param(accountId)
                .query((rs, n) -> new AccountState(rs.getString("account_id"),
                        AccountState.Status.valueOf(rs.getString("status")), rs.getString("reason"),
                        instant(rs, "paused_until"),
                        instant(rs, "last_published_at"),
                        rs.getObject("quota_read_at") == null ? null : new AccountState.QuotaReading(rs.getInt("quota_usage"),
                                rs.getInt("quota_total"), instant(rs, "quota_read_at"), rs.getInt("published_since_quota_read"))))
                .optional();
    }

    /** The token is dead: stop the account and park its posts until it is re-authorized. */
    @Transactional
    public void requireReauthorization(String accountId, String reason) {
        jdbc.sql("update account_state set status = 'NEEDS_REAUTH', reason = ?, updated_at = ? where account_id = ?")
                .params(Columns.fit(reason, 2000), at(clock.instant()), accountId).update();
        List<String> parked = transitions.parkAll(accountId, "account needs re-authorization: " + reason);
        log.error("account {} needs re-authorization ({}); {} post(s) wait for it", accountId, reason, parked.size());
    }

    /**
     * Instagram restricted, blocked or rate-limited the account: publish nothing for it until
     * {@code until}. An account waiting for re-authorization stays so.
     */
    public void pause(String accountId, Instant until, String reason) {
        int paused = jdbc.sql("""
                update account_state set status = 'PAUSED', reason = ?, paused_until = ?, updated_at = ?
                where account_id = ? and status <> 'NEEDS_REAUTH'""")
                .params(Columns.fit(reason, 2000), at(until), at(clock.instant()), accountId).update();
        if (paused == 1) {
            log.warn("account {} paused until {}: {}", accountId, until, reason);
        }
    }

    /** Puts an account back to work and returns its parked posts to where they were. */
    @Transactional
    public void reactivate(String accountId, String why) {
        jdbc.sql("""
                update account_state set status = 'ACTIVE', reason = null, paused_until = null,
                       updated_at = ? where account_id = ?""")
                .params(at(clock.instant()), accountId).update();
        transitions.unparkAll(accountId, "account re-authorized: " + why);
        log.info("account {} is active again: {}", accountId, why);
    }

    /** Takes the account's publish lock for {@code owner}: false while another publish of it is in flight. */
    public boolean tryStartPublish(String accountId, String owner, Instant leaseUntil) {
        Instant now = clock.instant();
        return jdbc.sql("""
                update account_state set publish_lease_owner = ?, publish_lease_until = ?
                where account_id = ? and (publish_lease_until is null or publish_lease_until < ?)""")
                .params(owner, at(leaseUntil), accountId, at(now)).update() == 1;
    }

    /** Extends the publish locks held by any of {@code owners} (claims still being worked on) to {@code leaseUntil}. */
    public void renewPublishLocks(List<String> owners, Instant leaseUntil) {
        jdbc.sql("update account_state set publish_lease_until = :until where publish_lease_owner in (:owners)")
                .params(Map.of("until", at(leaseUntil), "owners", owners)).update();
    }

    /** Releases every publish lock whose owner starts with {@code ownerPrefix} (an instance that stops). */
    public int releasePublishLocks(String ownerPrefix) {
        return jdbc.sql("""
                update account_state set publish_lease_owner = null, publish_lease_until = null
                where publish_lease_owner like ?""").param(ownerPrefix + "%").update();
    }

    /** Releases the lock only if {@code owner} still holds it. */
    public void endPublish(String accountId, String owner) {
        jdbc.sql("""
                update account_state set publish_lease_owner = null, publish_lease_until = null
                where account_id = ? and publish_lease_owner = ?""")
                .params(accountId, owner).update();
    }

    public void recordPublished(String accountId, Instant at) {
        jdbc.sql("""
                update account_state set last_published_at = ?, published_since_quota_read = published_since_quota_read + 1
                where account_id = ?""").params(at(at), accountId).update();
    }

    /** Instagram reported the account's publishing quota: {@code usage} of {@code total} at {@code at}. */
    public void recordQuotaReading(String accountId, int usage, int total, Instant at) {
        jdbc.sql("""
                update account_state set quota_usage = ?, quota_total = ?, quota_read_at = ?, published_since_quota_read = 0
                where account_id = ?""").params(usage, total, at(at), accountId).update();
    }

    /** The last quota reading is wrong (Instagram refused a publish for the quota): read it again before the next. */
    public void forgetQuotaReading(String accountId) {
        jdbc.sql("update account_state set quota_read_at = null where account_id = ?").param(accountId).update();
    }
}
