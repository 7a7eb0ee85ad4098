package io.feedgram.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.feedgram.account.AccountConfig;
import io.feedgram.account.AccountsProperties;

/**
 * The tokens the sandbox accepts. Every configured account's token is registered at start-up
 * (and again on reset) as a 60-day long-lived token; tests add or expire more.
 */
@SandboxBean
public final class SandboxTokens {

    static final Duration LONG_LIVED = Duration.ofDays(60);

    /** The wording Meta uses in 190/463, e.g. "Monday, 01-Dec-25 11:00:00 PST" (graph-api.md §7.3). */
    private static final DateTimeFormatter EXPIRY_FORMAT =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US).withZone(ZoneId.of("America/Los_Angeles"));

    private final AccountsProperties accounts;
    private final SandboxClock clock;
    private final Map<String, AccessToken> byValue = new ConcurrentHashMap<>();

    SandboxTokens(AccountsProperties accounts, SandboxClock clock) {
        this.accounts = accounts;
        this.clock = clock;
        registerConfiguredAccounts();
    }

    public void register(AccessToken token) {
        byValue.put(token.value(), token);
    }

    /** Makes the token expire now; false when the sandbox does not know it. */
    public boolean expire(String value) {
        return byValue.computeIfPresent(value, (k, t) -> new AccessToken(t.value(), t.login(), t.igUserId(),
                t.username(), clock.now())) != null;
    }

    /** Forgets added tokens and gives the configured accounts fresh 60-day tokens. */
    public void reset() {
        byValue.clear();
        registerConfiguredAccounts();
    }

    AccessToken authenticate(GraphHost host, Optional<String> presented) {
        String value = presented.filter(v -> !v.isBlank())
                .orElseThrow(() -> GraphError.missingToken().toException());
        AccessToken token = byValue.get(value);
        if (token == null || token.login() != host.acceptedLogin()) {
            throw GraphError.unparsableToken().toException();
        }
        Instant now = clock.now();
        if (token.expiredAt(now)) {
            throw GraphError.expiredToken(EXPIRY_FORMAT.format(token.expiresAt()), EXPIRY_FORMAT.format(now)).toException();
        }
        return token;
    }

    private void registerConfiguredAccounts() {
        Instant expiresAt = clock.now().plus(LONG_LIVED);
        for (AccountConfig account : accounts.accounts()) {
            if (account.accessToken() != null && account.igUserId() != null) {
                register(new AccessToken(account.accessToken(), account.login(), account.igUserId(), account.id(), expiresAt));
            }
        }
    }
}
