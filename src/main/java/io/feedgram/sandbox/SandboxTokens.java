package io.feedgram.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.feedgram.account.AccountConfig;
import io.feedgram.graph.Login;
import io.feedgram.account.AccountsProperties;

/**
 * The tokens the sandbox accepts. Every configured account's token is registered at start-up
 * (and again on reset) as a 60-day long-lived token; the OAuth endpoints issue more, tests add
 * or expire more.
 */
@SandboxBean
public final class SandboxTokens {

    static final Duration LONG_LIVED = Duration.ofDays(60);
    static final List<String> INSTAGRAM_SCOPES = List.of("instagram_business_basic", "instagram_business_content_publish");
    static final List<String> FACEBOOK_SCOPES =
            List.of("instagram_basic", "instagram_content_publish", "pages_show_list", "pages_read_engagement");

    /** The wording Meta uses in 190/463, e.g. "Monday, 01-Dec-25 11:00:00 PST" (docs/instagram.md#tokens). */
    private static final DateTimeFormatter EXPIRY_FORMAT =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US).withZone(ZoneId.of("America/Los_Angeles"));
    private static final char[] TOKEN_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final AccountsProperties accounts;
    private final SandboxClock clock;
    private final SecureRandom random = new SecureRandom();
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
        return byValue.computeIfPresent(value, (k, t) -> t.expiringAt(clock.now())) != null;
    }

    /** Forgets added tokens and gives the configured accounts fresh 60-day tokens. */
    public void reset() {
        byValue.clear();
        registerConfiguredAccounts();
    }

    /** A new token value shaped like Meta's: {@code IGAA...} for Instagram Login, {@code EAA...} for Facebook. */
    String newValue(Login login) {
        StringBuilder value = new StringBuilder(login == Login.INSTAGRAM ? "IGAA" : "EAA");
        for (int i = 0; i < 48; i++) {
            value.append(TOKEN_ALPHABET[random.nextInt(TOKEN_ALPHABET.length)]);
        }
        return value.toString();
    }

    /** Issues and registers a token of {@code kind} for {@code template}'s owner, valid for {@code lifetime} (null: never expires). */
    AccessToken issue(AccessToken template, TokenKind kind, Duration lifetime) {
        Instant now = clock.now();
        AccessToken token = new AccessToken(newValue(template.login()), template.login(), kind, template.igUserId(),
                template.username(), now, lifetime == null ? null : now.plus(lifetime), template.scopes(),
                template.appId(), template.fbUserId());
        register(token);
        return token;
    }

    Optional<AccessToken> find(String value) {
        return Optional.ofNullable(value).map(byValue::get);
    }

    AccessToken authenticate(GraphHost host, Optional<String> presented) {
        String value = presented.filter(v -> !v.isBlank())
                .orElseThrow(() -> GraphError.missingToken().toException());
        AccessToken token = byValue.get(value);
        if (token == null || token.login() != host.acceptedLogin()) {
            throw GraphError.unparsableToken().toException();
        }
        requireUnexpired(token);
        return token;
    }

    /** Throws 190/463 when the token has expired on the sandbox clock. */
    void requireUnexpired(AccessToken token) {
        Instant now = clock.now();
        if (token.expiredAt(now)) {
            throw expiredError(token, now).toException();
        }
    }

    GraphError expiredError(AccessToken token, Instant now) {
        return GraphError.expiredToken(EXPIRY_FORMAT.format(token.expiresAt()), EXPIRY_FORMAT.format(now));
    }

    private void registerConfiguredAccounts() {
        Instant now = clock.now();
        for (AccountConfig account : accounts.accounts()) {
            if (account.accessToken() != null && account.igUserId() != null) {
                register(new AccessToken(account.accessToken(), account.login(), TokenKind.LONG_LIVED,
                        account.igUserId(), account.id(), now, now.plus(LONG_LIVED),
                        account.login() == Login.INSTAGRAM ? INSTAGRAM_SCOPES : FACEBOOK_SCOPES, account.appId(), null));
            }
        }
    }
}
