package io.feedgram.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.feedgram.account.AccountConfig;
import io.feedgram.graph.Login;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The browser side of the two logins and Instagram's code exchange (docs/instagram.md#logins): the
 * Instagram authorize page on {@code www.instagram.com} and {@code api.instagram.com}, the
 * Facebook login dialog on {@code www.facebook.com}, and {@code api.instagram.com/oauth/access_token}
 * with its own, non-Graph error shape. The simulated user approves at once, or denies when
 * {@code oauth.decision} is {@code deny}. Like Meta's, the dialogs send the browser back only to a
 * registered redirect URI and answer anything else with an error, without redirecting.
 */
@RestController
@ConditionalOnProperty(prefix = "feedgram.sandbox", name = "enabled", havingValue = "true")
final class SandboxOAuthController {

    static final Set<String> INSTAGRAM_SCOPES = Set.of("instagram_business_basic", "instagram_business_content_publish",
            "instagram_business_manage_comments", "instagram_business_manage_messages", "instagram_business_manage_insights");

    private final SandboxLogins logins;
    private final AuthorizationCodes codes;
    private final SandboxTokens tokens;
    private final SandboxSettings settings;
    private final RegisteredRedirects redirects;

    SandboxOAuthController(SandboxLogins logins, AuthorizationCodes codes, SandboxTokens tokens, SandboxSettings settings,
            RegisteredRedirects redirects) {
        this.logins = logins;
        this.codes = codes;
        this.tokens = tokens;
        this.settings = settings;
        this.redirects = redirects;
    }

    @GetMapping({"/sandbox/www.instagram.com/oauth/authorize", "/sandbox/api.instagram.com/oauth/authorize"})
    ResponseEntity<?> instagramAuthorize(@RequestParam Map<String, String> params, HttpServletRequest request) {
        var app = logins.app(Login.INSTAGRAM, params.get("client_id"));
        if (app.isEmpty()) {
            return instagramError("Invalid platform app");
        }
        String redirectUri = params.get("redirect_uri");
        if (!redirects.registered(redirectUri, request)) {
            return instagramError("Invalid redirect_uri");
        }
        if (!"code".equals(params.get("response_type"))) {
            return instagramError("Invalid response_type");
        }
        List<String> scopes = scopes(params.get("scope"), "instagram_business_basic");
        List<String> invalid = scopes.stream().filter(s -> !INSTAGRAM_SCOPES.contains(s)).toList();
        if (!invalid.isEmpty()) {
            return instagramError("Invalid Scopes: " + String.join(", ", invalid));
        }
        return decide(app.get(), redirectUri, params.get("state"), scopes, "_");
    }

    @GetMapping({"/sandbox/www.facebook.com/{version}/dialog/oauth", "/sandbox/www.facebook.com/dialog/oauth"})
    ResponseEntity<?> facebookDialog(@RequestParam Map<String, String> params, HttpServletRequest request) {
        var app = logins.app(Login.FACEBOOK, params.get("client_id"));
        if (app.isEmpty()) {
            return facebookError("Invalid App ID: The provided app ID does not look like a valid app ID.");
        }
        String redirectUri = params.get("redirect_uri");
        if (!redirects.registered(redirectUri, request)) {
            return facebookError("URL Blocked: This redirect failed because the redirect URI is not whitelisted in the app's"
                    + " Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your app domains as"
                    + " Valid OAuth Redirect URIs.");
        }
        String responseType = params.getOrDefault("response_type", "code");
        if (!responseType.equals("code")) {
            return facebookError("The sandbox simulates response_type=code only.");
        }
        return decide(app.get(), redirectUri, params.get("state"), scopes(params.get("scope"), "public_profile"), "_=_");
    }

    /** Instagram's code exchange: a short-lived (1 h) Instagram token, in the documented or the flat shape. */
    @PostMapping("/sandbox/api.instagram.com/oauth/access_token")
    ResponseEntity<?> instagramAccessToken(@RequestParam Map<String, String> params) {
        for (String name : List.of("client_id", "client_secret", "grant_type", "redirect_uri", "code")) {
            if (params.get(name) == null || params.get(name).isBlank()) {
                return instagramError("You must provide a " + name);
            }
        }
        if (!params.get("grant_type").equals("authorization_code")) {
            return instagramError("Unsupported grant_type: " + params.get("grant_type"));
        }
        String appId = params.get("client_id");
        if (logins.app(Login.INSTAGRAM, appId).isEmpty()) {
            return instagramError("Invalid platform app");
        }
        if (!logins.secretMatches(appId, params.get("client_secret"))) {
            return instagramError("Error validating client secret.");
        }
        AuthorizationCodes.Redemption redemption = codes.redeem(params.get("code"), Login.INSTAGRAM, appId,
                params.get("redirect_uri"));
        if (redemption.refusal() != null) {
            return instagramError(switch (redemption.refusal()) {
                case EXPIRED -> "This authorization code has expired";
                case REDIRECT_MISMATCH -> "Error validating verification code. Please make sure your redirect_uri is"
                        + " identical to the one you used in the OAuth dialog request";
                case UNKNOWN, USED, WRONG_APP -> "Matching code was not found or was already used";
            });
        }
        AccessToken token = tokens.issue(redemption.grant().template(), TokenKind.SHORT_LIVED, GraphTokenEndpoints.SHORT_LIVED);
        Map<String, Object> issued = new LinkedHashMap<>();
        issued.put("access_token", token.value());
        issued.put("user_id", token.igUserId());
        issued.put("permissions", String.join(",", token.scopes()));
        Object body = settings.current().oauth().exchangeShape() == SandboxProperties.QuotaShape.FLAT
                ? issued : Map.of("data", List.of(issued));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private ResponseEntity<?> decide(AccountConfig app, String redirectUri, String state, List<String> scopes, String fragment) {
        Map<String, String> query = new LinkedHashMap<>();
        if (settings.current().oauth().decision() == SandboxProperties.Decision.DENY) {
            query.put("error", "access_denied");
            query.put("error_reason", "user_denied");
            query.put("error_description", "The user denied your request");
        } else {
            query.put("code", codes.issue(logins.approvingUser(app, scopes), redirectUri));
        }
        if (state != null) {
            query.put("state", state);
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, withQuery(redirectUri, query) + "#" + fragment)
                .build();
    }

    static String withQuery(String uri, Map<String, String> query) {
        int hash = uri.indexOf('#');
        StringBuilder target = new StringBuilder(hash < 0 ? uri : uri.substring(0, hash));
        char separator = target.indexOf("?") < 0 ? '?' : '&';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            target.append(separator).append(entry.getKey()).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return target.toString();
    }

    private static List<String> scopes(String raw, String fallback) {
        if (raw == null || raw.isBlank()) {
            return List.of(fallback);
        }
        return Arrays.stream(raw.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
    }

    /** The non-Graph error shape of api.instagram.com (docs/instagram.md#errors). */
    private static ResponseEntity<Map<String, Object>> instagramError(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_type", "OAuthException");
        body.put("code", 400);
        body.put("error_message", message);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ResponseEntity<Map<String, Object>> facebookError(String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", "OAuthException");
        error.put("code", 191);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
    }
}
