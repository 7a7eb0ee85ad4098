package io.feedgram.account;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.Login;
import io.feedgram.graph.MetaApp;
import io.feedgram.post.TrackedAccounts;
import io.feedgram.system.Columns;
import io.feedgram.system.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PostConstruct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credentials of the accounts Feedgram publishes to: the configured accounts synced into
 * the database, and their tokens stored encrypted as the config, a connect flow or a refresh
 * left them. Whether an account may publish now is {@link AccountStates}.
 */
@Service
public class AccountCredentials {

    private static final Logger log = LoggerFactory.getLogger(AccountCredentials.class);

    private final AccountsProperties properties;
    private final JdbcClient jdbc;
    private final AccountStates states;
    private final TrackedAccounts tracked;
    private final TokenCipher cipher;
    private final Clock clock;

    public AccountCredentials(AccountsProperties properties, JdbcClient jdbc, AccountStates states,
                              TrackedAccounts tracked, TokenCipher cipher, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.states = states;
        this.tracked = tracked;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A configured account's current credentials (decrypted), as the Graph calls use them. */
    public Optional<GraphCredentials> find(String accountId) {
        if (properties.find(accountId).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select * from account where id = ?").param(accountId)
                .query((rs, n) -> new GraphCredentials(rs.getString("ig_user_id"), Login.valueOf(rs.getString("login")),
                        cipher.decrypt(rs.getString("access_token_enc")),
                        new MetaApp(rs.getString("app_id"), cipher.decrypt(rs.getString("app_secret_enc"))),
                        rs.getString("page_id")))
                .optional();
    }

    /** A configured account's credentials; a post whose account left the configuration fails its step loudly. */
    public GraphCredentials require(String accountId) {
        return find(accountId).orElseThrow(() -> new IllegalStateException("account " + accountId + " is not configured"));
    }

    /** The distinct app secrets of the configured accounts (decrypted): the keys Meta signs webhooks with. */
    public Set<String> appSecrets() {
        return jdbc.sql("select app_secret_enc from account where app_secret_enc is not null")
                .query((rs, n) -> cipher.decrypt(rs.getString(1))).list().stream()
                .filter(secret -> secret != null && !secret.isBlank())
                .collect(Collectors.toSet());
    }

    /** The configured account that is Instagram account {@code igUserId}, if any. */
    public Optional<String> idOfInstagramUser(String igUserId) {
        return jdbc.sql("select id from account where ig_user_id = ?").param(igUserId).query(String.class).list()
                .stream().filter(id -> properties.find(id).isPresent()).findFirst();
    }

    /** The configured accounts' ids; nothing is read or decrypted to list them. */
    public List<String> ids() {
        return properties.accounts().stream().map(AccountConfig::id).toList();
    }

    /** The stored record of an account's token, without the token. */
    public Optional<StoredToken> token(String accountId) {
        return jdbc.sql("select * from account where id = ?").param(accountId)
                .query((rs, n) -> new StoredToken(rs.getString("id"), rs.getString("username"),
                        rs.getString("access_token_enc") != null, rs.getString("token_source"),
                        instant(rs, "token_issued_at"),
                        instant(rs, "token_expires_at"),
                        rs.getString("user_token_enc") != null,
                        instant(rs, "user_token_expires_at"),
                        instant(rs, "last_refresh_at"),
                        rs.getString("last_refresh_result"), rs.getInt("refresh_failures")))
                .optional();
    }

    /** The long-lived user token behind a Facebook Login account's Page token, if any. */
    public Optional<String> userToken(String accountId) {
        return jdbc.sql("select user_token_enc from account where id = ?").param(accountId)
                .query((rs, n) -> Optional.ofNullable(cipher.decrypt(rs.getString(1)))).optional()
                .flatMap(token -> token);
    }

    /**
     * Loads the accounts of application.yaml into the database, before anything publishes. The
     * file's token is taken when it is new or changed since last time; otherwise a token
     * obtained later (connect flow, refresh) is kept. A changed token brings an account that
     * was waiting for re-authorization back.
     *
     * <p>Not {@code @Transactional}: on a {@code @PostConstruct} method that has no effect (the
     * call does not go through the proxy). Each statement stands alone instead, so when two
     * replicas start on an empty database the second one's insert finds the row and moves on.
     */
    @PostConstruct
    public void syncFromConfiguration() {
        Instant now = clock.instant();
        for (AccountConfig account : properties.accounts()) {
            String fingerprint = fingerprint(account.accessToken());
            Optional<String> known = jdbc.sql("select config_fingerprint from account where id = ?")
                    .param(account.id()).query(String.class).optional();
            if (known.isEmpty()) {
                insertConfigured(account, fingerprint, now);
            } else {
                // A page-id removed from the file is not forgotten: a connect may have found the same Page.
                jdbc.sql("""
                        update account set login = ?, app_id = ?, app_secret_enc = ?, page_id = coalesce(?, page_id),
                               updated_at = ? where id = ?""")
                        .params(account.login().name(), account.appId(), cipher.encrypt(account.appSecret()),
                                account.pageId(), at(now), account.id()).update();
                // A token removed from the file is not a new token: the stored one (perhaps connected) stays.
                boolean fileHasToken = account.accessToken() != null && !account.accessToken().isBlank();
                if (fileHasToken && !fingerprint.equals(known.get())) {
                    jdbc.sql("""
                            update account set access_token_enc = ?, ig_user_id = coalesce(?, ig_user_id),
                                   token_issued_at = ?, token_expires_at = null, token_source = 'CONFIG',
                                   config_fingerprint = ?, refresh_failures = 0 where id = ?""")
                            .params(cipher.encrypt(account.accessToken()), account.igUserId(), at(now), fingerprint,
                                    account.id()).update();
                    states.state(account.id()).filter(s -> s.status() == AccountState.Status.NEEDS_REAUTH)
                            .ifPresent(s -> states.reactivate(account.id(), "a new token was configured"));
                }
            }
            tracked.track(account.id());
        }
    }

    /** Stores a configured account seen for the first time; another replica storing it first is as good. */
    private void insertConfigured(AccountConfig account, String fingerprint, Instant now) {
        try {
            jdbc.sql("""
                    insert into account (id, login, ig_user_id, page_id, app_id, app_secret_enc, access_token_enc,
                                         token_issued_at, token_source, config_fingerprint, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 'CONFIG', ?, ?)""")
                    .params(account.id(), account.login().name(), account.igUserId(), account.pageId(), account.appId(),
                            cipher.encrypt(account.appSecret()), cipher.encrypt(account.accessToken()),
                            at(now), fingerprint, at(now)).update();
        } catch (DuplicateKeyException anotherReplicaWasFirst) {
            log.info("account {} was stored by another replica meanwhile", account.id());
        }
    }

    /** Stores what a connect flow obtained and puts the account back to work. */
    @Transactional
    public void connect(String accountId, Connection connection) {
        Instant now = clock.instant();
        jdbc.sql("""
                update account set access_token_enc = ?, token_expires_at = ?, token_issued_at = ?,
                       ig_user_id = coalesce(?, ig_user_id), page_id = coalesce(?, page_id),
                       username = coalesce(?, username),
                       user_token_enc = ?, user_token_expires_at = ?, token_source = 'CONNECT',
                       refresh_failures = 0, last_refresh_result = null, updated_at = ? where id = ?""")
                .params(cipher.encrypt(connection.accessToken()), at(connection.expiresAt()), at(now),
                        connection.igUserId(), connection.pageId(), connection.username(),
                        cipher.encrypt(connection.userToken()),
                        at(connection.userTokenExpiresAt()), at(now), accountId).update();
        log.info("account {} connected as {}", accountId, connection.username());
        if (states.state(accountId).map(s -> s.status() != AccountState.Status.ACTIVE).orElse(false)) {
            states.reactivate(accountId, "connected again");
        }
    }

    /** Forgets the account's token; its posts wait as NEEDS_REAUTH until it is connected again. */
    @Transactional
    public void disconnect(String accountId) {
        jdbc.sql("""
                update account set access_token_enc = null, token_expires_at = null, user_token_enc = null,
                       user_token_expires_at = null, updated_at = ? where id = ?""")
                .params(at(clock.instant()), accountId).update();
        states.requireReauthorization(accountId, "disconnected");
    }

    /**
     * A refresh succeeded: the new token and expiry are merged in, nothing else changes. An
     * account disconnected while the refresh ran stays disconnected.
     */
    public void refreshed(String accountId, String accessToken, Instant expiresAt, String userToken, Instant userTokenExpiresAt) {
        Instant now = clock.instant();
        jdbc.sql("""
                update account set access_token_enc = coalesce(?, access_token_enc), token_expires_at = ?,
                       token_issued_at = ?, user_token_enc = coalesce(?, user_token_enc),
                       user_token_expires_at = coalesce(?, user_token_expires_at), token_source = 'REFRESH',
                       last_refresh_at = ?, last_refresh_result = 'ok', refresh_failures = 0, updated_at = ?
                where id = ? and access_token_enc is not null""")
                .params(cipher.encrypt(accessToken), at(expiresAt), at(now), cipher.encrypt(userToken),
                        at(userTokenExpiresAt), at(now), at(now), accountId).update();
    }

    /** A refresh failed; the reason (Instagram's code, never a token) is kept for health and the API. */
    public void refreshSkipped(String accountId, String why) {
        jdbc.sql("update account set last_refresh_at = ?, last_refresh_result = ?, updated_at = ? where id = ?")
                .params(at(clock.instant()), why, at(clock.instant()), accountId).update();
    }

    /** A refresh failed; the reason (Instagram's code, never a token) is kept for health and the API. */
    public void refreshFailed(String accountId, String reason) {
        Instant now = clock.instant();
        jdbc.sql("""
                update account set last_refresh_at = ?, last_refresh_result = ?, refresh_failures = refresh_failures + 1,
                       updated_at = ? where id = ?""")
                .params(at(now), reason == null ? "unknown failure" : Columns.fit(reason, 1000),
                        at(now), accountId)
                .update();
    }

    /** A stable, one-way fingerprint of a token; the token itself is never stored here. */
    static String fingerprint(String token) {
        if (token == null) {
            return "none";
        }
        return Sha256.hex(token);
    }
}
