package io.feedgram.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.feedgram.graph.Login;

/**
 * The codes the login dialogs hand out: valid one hour on the sandbox clock and good for one
 * exchange only (docs/instagram.md#instagram-login). A redeemed code stays known so a second use says so.
 */
@SandboxBean
final class AuthorizationCodes {

    static final Duration LIFETIME = Duration.ofHours(1);
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    /** What a code stands for: who approved which app, for which redirect URI, with which scopes. */
    record Grant(AccessToken template, String redirectUri, Instant issuedAt) {
    }

    /** Why a code could not be redeemed. */
    enum Refusal { UNKNOWN, USED, EXPIRED, REDIRECT_MISMATCH, WRONG_APP }

    /** The outcome of a redemption: a grant, or the refusal. */
    record Redemption(Grant grant, Refusal refusal) {
    }

    private record Entry(Grant grant, boolean used) {
    }

    private final SandboxClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> codes = new ConcurrentHashMap<>();

    AuthorizationCodes(SandboxClock clock) {
        this.clock = clock;
    }

    String issue(AccessToken template, String redirectUri) {
        StringBuilder code = new StringBuilder("AQ");
        for (int i = 0; i < 96; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        codes.put(code.toString(), new Entry(new Grant(template, redirectUri, clock.now()), false));
        return code.toString();
    }

    /** Uses the code up. A code of the other login is unknown here; a mismatched app or redirect URI does not spend it. */
    Redemption redeem(String code, Login login, String appId, String redirectUri) {
        Refusal[] refusal = {null};
        Entry[] found = {null};
        codes.computeIfPresent(code, (k, entry) -> {
            if (entry.grant().template().login() != login) {
                return entry;
            }
            found[0] = entry;
            if (entry.used()) {
                refusal[0] = Refusal.USED;
            } else if (!clock.now().isBefore(entry.grant().issuedAt().plus(LIFETIME))) {
                refusal[0] = Refusal.EXPIRED;
            } else if (!entry.grant().template().appId().equals(appId)) {
                refusal[0] = Refusal.WRONG_APP;
            } else if (!entry.grant().redirectUri().equals(redirectUri)) {
                refusal[0] = Refusal.REDIRECT_MISMATCH;
            } else {
                return new Entry(entry.grant(), true);
            }
            return entry;
        });
        if (found[0] == null) {
            return new Redemption(null, Refusal.UNKNOWN);
        }
        return refusal[0] != null ? new Redemption(null, refusal[0]) : new Redemption(found[0].grant(), null);
    }

    void clear() {
        codes.clear();
    }
}
