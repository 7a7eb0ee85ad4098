package io.feedgram.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.feedgram.graph.ErrorClass;
import io.feedgram.graph.ErrorPolicy;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphException;
import io.feedgram.graph.LinkedPage;
import io.feedgram.graph.Login;
import io.feedgram.graph.MetaLogins;
import io.feedgram.graph.TokenGrant;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps long-lived tokens alive (docs/architecture.md#token-refresh). A token at least 24 hours old that expires
 * within the refresh window (or whose expiry is unknown) is refreshed: Instagram Login tokens
 * through {@code refresh_access_token}, Facebook Login user tokens through
 * {@code fb_exchange_token} with the Page token derived again; never-expiring Page tokens
 * alone are left as they are. The new token and expiry are merged into the stored
 * credentials. A dead token moves the account to re-authorization; any other failure is
 * retried by the route and, when it persists, made loud: health, a metric, and a log line
 * naming the account and Instagram's code.
 */
@Component("tokenRefresher")
public class TokenRefresher {

    private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);

    private final AccountCredentials credentials;
    private final AccountStates states;
    private final MetaLogins logins;
    private final ErrorPolicy policy;
    private final TokensProperties settings;
    private final MeterRegistry meters;
    private final Clock clock;

    public TokenRefresher(AccountCredentials credentials, AccountStates states, MetaLogins logins, ErrorPolicy policy, TokensProperties settings,
                          MeterRegistry meters, Clock clock) {
        this.credentials = credentials;
        this.states = states;
        this.logins = logins;
        this.policy = policy;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /** The accounts whose token should be refreshed now. */
    public List<String> due() {
        Instant now = clock.instant();
        return credentials.ids().stream()
                .filter(id -> states.state(id).map(s -> s.status() != AccountState.Status.NEEDS_REAUTH).orElse(true))
                .filter(id -> credentials.token(id).map(t -> isDue(t, now)).orElse(false))
                .toList();
    }

    boolean isDue(StoredToken token, Instant now) {
        if (!token.connected() || token.issuedAt() == null || token.issuedAt().plus(settings.minAge()).isAfter(now)) {
            return false;                                 // Instagram refuses to refresh a token younger than 24 h
        }
        Instant expiry = token.hasUserToken() ? token.userTokenExpiresAt() : token.expiresAt();
        boolean pageTokenOnly = token.expiresAt() == null && "CONNECT".equals(token.source()) && !token.hasUserToken();
        return !pageTokenOnly && (expiry == null || !expiry.isAfter(now.plus(settings.refreshWindow())));
    }

    /** Refreshes one account's token now; throws on failures worth retrying. */
    public void refresh(@Body String accountId) {
        GraphCredentials account = credentials.find(accountId).orElseThrow(
                () -> new IllegalArgumentException("account " + accountId + " is not configured"));
        if (account.accessToken() == null) {
            throw new IllegalStateException("account " + accountId + " is not connected: nothing to refresh");
        }
        Instant now = clock.instant();
        try {
            if (account.login() == Login.INSTAGRAM) {
                TokenGrant grant = logins.refreshInstagramToken(account.accessToken());
                credentials.refreshed(accountId, grant.accessToken(), expiry(now, grant), null, null);
            } else {
                Optional<String> userToken = credentials.userToken(accountId);
                if (userToken.isEmpty()) {
                    // A Page token pasted in the file: it does not expire on a schedule and has no user token to exchange.
                    credentials.refreshSkipped(accountId, "nothing to refresh: a Page token without its user token "
                            + "(connect with Facebook Login to keep it renewed)");
                    return;
                }
                TokenGrant user = logins.exchangeFacebookToken(account.app(), userToken.get());
                credentials.refreshed(accountId, pageToken(account, user), null, user.accessToken(), expiry(now, user));
            }
            log.info("account {}: token refreshed", accountId);
        } catch (GraphException e) {
            if (policy.classify(e) != ErrorClass.AUTH) {
                throw e;
            }
            // Expired or revoked: no refresh can save it; the account waits for a new connection.
            String reason = "token refresh refused: " + e.getMessage();
            failed(accountId, e);
            states.requireReauthorization(accountId, reason);
        }
    }

    /** "Refresh now" from the API: one attempt, no waiting on retries; a failure is recorded like any other. */
    public void refreshNow(String accountId) {
        try {
            refresh(accountId);
        } catch (RuntimeException e) {
            failed(accountId, e);
        }
    }

    /** The refresh failed for good: recorded, counted and logged with the account and Instagram's code. */
    public void failed(@Body String accountId, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        credentials.refreshFailed(accountId, reason);
        meters.counter("feedgram.token.refresh.failures", "account", accountId).increment();
        log.error("account {}: token refresh failed: {}", accountId, reason);
    }

    /** The Page token derived again from the fresh user token, for the Page linked to this account. */
    private String pageToken(GraphCredentials account, TokenGrant user) {
        return logins.linkedPages(user.accessToken()).stream()
                .filter(page -> page.igUserId().equals(account.igUserId()))
                .map(LinkedPage::pageToken)
                .findFirst()
                // Not a dead token: the refresh fails loudly (health, metric, log) instead of sending the account to re-auth.
                .orElseThrow(() -> new GraphException.Unanswered("no Facebook Page in me/accounts is linked to Instagram account "
                        + account.igUserId(), null));
    }

    private static Instant expiry(Instant now, TokenGrant grant) {
        return grant.expiresIn() == null ? null : now.plus(grant.expiresIn());
    }
}
