package io.feedgram.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.feedgram.post.PostRepository;
import io.feedgram.post.PostStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts Feedgram publishes to: their configuration and their runtime state
 * (active, paused for a while, or waiting for a new token), plus the per-account publish
 * lease and pacing that keep one publish in flight per account.
 */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final AccountsProperties properties;
    private final JdbcClient jdbc;
    private final PostRepository posts;
    private final Clock clock;

    public Accounts(AccountsProperties properties, JdbcClient jdbc, PostRepository posts, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.posts = posts;
        this.clock = clock;
    }

    public Optional<AccountConfig> find(String accountId) {
        return properties.find(accountId);
    }

    public List<AccountConfig> all() {
        return properties.accounts();
    }

    /**
     * Makes sure every configured account has a state row. An account that was waiting for
     * re-authorization comes back when its configured token is no longer the one that died.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void syncFromConfiguration() {
        Instant now = clock.instant();
        for (AccountConfig account : properties.accounts()) {
            Optional<AccountState> state = state(account.id());
            if (state.isEmpty()) {
                jdbc.sql("insert into account_state (account_id, status, updated_at) values (?, 'ACTIVE', ?)")
                        .params(account.id(), at(now)).update();
            } else if (state.get().status() == AccountState.Status.NEEDS_REAUTH
                    && !fingerprint(account.accessToken()).equals(state.get().tokenFingerprint())) {
                reactivate(account.id(), "a new token was configured");
            }
        }
    }

    public Optional<AccountState> state(String accountId) {
        return jdbc.sql("select * from account_state where account_id = ?").param(accountId)
                .query((rs, n) -> new AccountState(rs.getString("account_id"),
                        AccountState.Status.valueOf(rs.getString("status")), rs.getString("reason"),
                        instant(rs.getObject("paused_until", OffsetDateTime.class)),
                        rs.getString("token_fingerprint"),
                        instant(rs.getObject("last_published_at", OffsetDateTime.class))))
                .optional();
    }

    /** The token is dead: stop the account and park its posts until it is re-authorized. */
    @Transactional
    public void requireReauthorization(String accountId, String reason) {
        String token = find(accountId).map(AccountConfig::accessToken).orElse(null);
        jdbc.sql("""
                update account_state set status = 'NEEDS_REAUTH', reason = ?, token_fingerprint = ?, updated_at = ?
                where account_id = ?""")
                .params(reason, fingerprint(token), at(clock.instant()), accountId).update();
        List<String> parked = posts.parkAll(accountId, PostStatus.NEEDS_REAUTH, "account needs re-authorization: " + reason);
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
                .params(reason, at(until), at(clock.instant()), accountId).update();
        if (paused == 1) {
            log.warn("account {} paused until {}: {}", accountId, until, reason);
        }
    }

    /** Puts an account back to work and returns its parked posts to where they were. */
    @Transactional
    public void reactivate(String accountId, String why) {
        jdbc.sql("""
                update account_state set status = 'ACTIVE', reason = null, paused_until = null,
                       token_fingerprint = null, updated_at = ? where account_id = ?""")
                .params(at(clock.instant()), accountId).update();
        posts.findByAccountAndStatus(accountId, PostStatus.NEEDS_REAUTH).forEach(post ->
                posts.move(post, post.resumeStatus() == null ? PostStatus.QUEUED : post.resumeStatus(),
                        clock.instant(), null, null, "account re-authorized: " + why));
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

    /** Releases the lock only if {@code owner} still holds it. */
    public void endPublish(String accountId, String owner) {
        jdbc.sql("""
                update account_state set publish_lease_owner = null, publish_lease_until = null
                where account_id = ? and publish_lease_owner = ?""")
                .params(accountId, owner).update();
    }

    public void recordPublished(String accountId, Instant at) {
        jdbc.sql("update account_state set last_published_at = ? where account_id = ?").params(at(at), accountId).update();
    }

    /** A stable, one-way fingerprint of a token; the token itself is never stored here. */
    static String fingerprint(String token) {
        if (token == null) {
            return "none";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
