package io.feedgram.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.feedgram.graph.Login;

/**
 * The token endpoints on the Graph hosts, which take no ordinary bearer token (docs/instagram.md#logins):
 * {@code graph.instagram.com/access_token} (ig_exchange_token) and {@code /refresh_access_token}
 * (ig_refresh_token), {@code graph.facebook.com/{v}/oauth/access_token} (code and
 * fb_exchange_token) and {@code /{v}/debug_token}. Errors use the Graph envelope.
 */
@SandboxBean
final class GraphTokenEndpoints {

    static final Duration SHORT_LIVED = Duration.ofHours(1);
    /** What Meta answers as {@code expires_in} for a fresh 60-day token (samples show 5184000 and 5183944). */
    private static final long INSTAGRAM_LONG_EXPIRES_IN = 5_184_000L;
    private static final long FACEBOOK_LONG_EXPIRES_IN = 5_183_944L;
    private static final Duration DATA_ACCESS = Duration.ofDays(90);

    private final SandboxTokens tokens;
    private final AuthorizationCodes codes;
    private final SandboxLogins logins;
    private final SandboxSettings settings;
    private final SandboxClock clock;

    GraphTokenEndpoints(SandboxTokens tokens, AuthorizationCodes codes, SandboxLogins logins, SandboxSettings settings,
            SandboxClock clock) {
        this.tokens = tokens;
        this.codes = codes;
        this.logins = logins;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether {@code path} is one of the token endpoints of {@code host}. */
    boolean handles(GraphHost host, List<String> path) {
        String joined = String.join("/", path);
        return host == GraphHost.INSTAGRAM ? joined.equals("access_token") || joined.equals("refresh_access_token")
                : joined.equals("oauth/access_token") || joined.equals("debug_token");
    }

    /** The answer when {@code path} is one of the token endpoints of {@code host}; empty otherwise. */
    Optional<Object> handle(GraphHost host, List<String> path, String method, GraphParameters params) {
        String joined = String.join("/", path);
        Object body = switch (host) {
            case INSTAGRAM -> switch (joined) {
                case "access_token" -> exchangeInstagram(params);
                case "refresh_access_token" -> refreshInstagram(method, params);
                default -> null;
            };
            case FACEBOOK -> switch (joined) {
                case "oauth/access_token" -> params.text("grant_type").orElse("").equals("fb_exchange_token")
                        ? exchangeFacebook(params) : redeemFacebookCode(params);
                case "debug_token" -> debug(params);
                default -> null;
            };
        };
        return Optional.ofNullable(body);
    }

    /** {@code ig_exchange_token}: an unexpired short-lived token becomes a 60-day one. */
    private Map<String, Object> exchangeInstagram(GraphParameters params) {
        requireGrantType(params, "ig_exchange_token");
        String secret = required(params, "client_secret");
        AccessToken shortLived = known(Login.INSTAGRAM, params.accessToken().orElse(null));
        if (shortLived.kind() != TokenKind.SHORT_LIVED) {
            throw GraphError.wrongTokenKind("short-lived").toException();
        }
        if (!logins.secretMatches(shortLived.appId(), secret)) {
            throw GraphError.invalidClientSecret().toException();
        }
        AccessToken longLived = tokens.issue(shortLived, TokenKind.LONG_LIVED, SandboxTokens.LONG_LIVED);
        return bearer(longLived, INSTAGRAM_LONG_EXPIRES_IN);
    }

    /** {@code ig_refresh_token}: a long-lived token at least 24 h old and unexpired gets a new 60-day successor. */
    private Map<String, Object> refreshInstagram(String method, GraphParameters params) {
        if (!method.equals("get")) {
            throw GraphError.unsupportedRequest(method, "refresh_access_token").toException();
        }
        requireGrantType(params, "ig_refresh_token");
        AccessToken current = known(Login.INSTAGRAM, params.accessToken().orElse(null));
        if (current.kind() != TokenKind.LONG_LIVED) {
            throw GraphError.wrongTokenKind("long-lived").toException();
        }
        SandboxProperties.OAuth oauth = settings.current().oauth();
        if (current.issuedAt() != null && clock.now().isBefore(current.issuedAt().plus(oauth.refreshMinAge()))) {
            throw GraphError.refreshTooEarly(oauth.refreshTooYoungCode()).toException();
        }
        // The old token stays valid until its own expiry (docs/instagram.md#instagram-login, a sandbox default).
        AccessToken refreshed = tokens.issue(current, TokenKind.LONG_LIVED, SandboxTokens.LONG_LIVED);
        return bearer(refreshed, INSTAGRAM_LONG_EXPIRES_IN);
    }

    /** The Facebook code exchange: a short-lived user token. */
    private Map<String, Object> redeemFacebookCode(GraphParameters params) {
        String appId = required(params, "client_id");
        String redirectUri = required(params, "redirect_uri");
        String secret = required(params, "client_secret");
        String code = required(params, "code");
        requireFacebookApp(appId, secret);
        AuthorizationCodes.Redemption redemption = codes.redeem(code, Login.FACEBOOK, appId, redirectUri);
        if (redemption.refusal() != null) {
            throw switch (redemption.refusal()) {
                case USED -> GraphError.codeUsed().toException();
                case EXPIRED -> GraphError.codeExpired().toException();
                case REDIRECT_MISMATCH -> GraphError.redirectUriMismatch().toException();
                case UNKNOWN, WRONG_APP -> GraphError.codeUnknown().toException();
            };
        }
        AccessToken user = tokens.issue(redemption.grant().template(), TokenKind.SHORT_LIVED, SHORT_LIVED);
        return bearer(user, SHORT_LIVED.toSeconds());
    }

    /** {@code fb_exchange_token}: an unexpired user token becomes a 60-day one. */
    private Map<String, Object> exchangeFacebook(GraphParameters params) {
        String appId = required(params, "client_id");
        String secret = required(params, "client_secret");
        String presented = required(params, "fb_exchange_token");
        requireFacebookApp(appId, secret);
        AccessToken user = known(Login.FACEBOOK, presented);
        if (user.kind() == TokenKind.PAGE) {
            throw GraphError.wrongTokenKind("user").toException();
        }
        AccessToken longLived = tokens.issue(user, TokenKind.LONG_LIVED, SandboxTokens.LONG_LIVED);
        return bearer(longLived, FACEBOOK_LONG_EXPIRES_IN);
    }

    /** {@code debug_token} with an app token {@code <app_id>|<app_secret>}. */
    private Map<String, Object> debug(GraphParameters params) {
        String appToken = params.accessToken().orElseThrow(() -> GraphError.missingToken().toException());
        int bar = appToken.indexOf('|');
        if (bar < 0 || !logins.secretMatches(appToken.substring(0, bar), appToken.substring(bar + 1))) {
            throw GraphError.unparsableToken().toException();
        }
        String input = required(params, "input_token");
        Optional<AccessToken> found = tokens.find(input);
        Map<String, Object> data = new LinkedHashMap<>();
        if (found.isEmpty()) {
            data.put("error", Map.of("code", 190, "message", "Invalid OAuth access token."));
            data.put("is_valid", false);
            data.put("scopes", List.of());
            return Map.of("data", data);
        }
        AccessToken token = found.get();
        Instant now = clock.now();
        data.put("app_id", token.appId() == null ? appToken.substring(0, bar) : token.appId());
        data.put("type", token.kind() == TokenKind.PAGE ? "PAGE" : "USER");
        data.put("application", "Feedgram sandbox app");
        if (token.issuedAt() != null) {
            data.put("data_access_expires_at", token.issuedAt().plus(DATA_ACCESS).getEpochSecond());
        }
        data.put("expires_at", token.neverExpires() ? 0 : token.expiresAt().getEpochSecond());
        data.put("is_valid", !token.expiredAt(now));
        if (token.expiredAt(now)) {
            GraphError expired = tokens.expiredError(token, now);
            data.put("error", Map.of("code", expired.code(), "message", expired.message(), "subcode", expired.subcode()));
        }
        if (token.issuedAt() != null) {
            data.put("issued_at", token.issuedAt().getEpochSecond());
        }
        data.put("scopes", token.scopes());
        data.put("user_id", token.fbUserId() != null ? token.fbUserId() : token.igUserId());
        return Map.of("data", data);
    }

    private AccessToken known(Login login, String value) {
        AccessToken token = tokens.find(value)
                .filter(t -> t.login() == login)
                .orElseThrow(() -> (value == null || value.isBlank() ? GraphError.missingToken() : GraphError.unparsableToken())
                        .toException());
        tokens.requireUnexpired(token);
        return token;
    }

    private void requireFacebookApp(String appId, String secret) {
        if (logins.app(Login.FACEBOOK, appId).isEmpty()) {
            throw GraphError.invalidAppId().toException();
        }
        if (!logins.secretMatches(appId, secret)) {
            throw GraphError.invalidClientSecret().toException();
        }
    }

    private static void requireGrantType(GraphParameters params, String expected) {
        String grantType = required(params, "grant_type");
        if (!grantType.equals(expected)) {
            throw GraphError.unsupportedGrantType(grantType).toException();
        }
    }

    private static String required(GraphParameters params, String name) {
        return params.text(name).orElseThrow(() -> GraphError.parameterRequired(name).toException());
    }

    private static Map<String, Object> bearer(AccessToken token, long expiresIn) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token.value());
        answer.put("token_type", "bearer");
        answer.put("expires_in", expiresIn);
        return answer;
    }
}
