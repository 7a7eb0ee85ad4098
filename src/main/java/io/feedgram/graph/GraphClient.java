package io.feedgram.graph;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.account.AccountConfig;
import org.springframework.stereotype.Component;

/**
 * The publishing calls of the Instagram Graph API (docs/instagram.md).
 * Tokens travel in the Authorization header, never in a URL, so they cannot leak into
 * access logs or exception messages.
 */
@Component
public class GraphClient {

    private final GraphProperties properties;
    private final MetaEndpoints endpoints;
    private final ObjectMapper json;
    private final HttpClient http;

    public GraphClient(GraphProperties properties, MetaEndpoints endpoints, ObjectMapper json) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code POST /{ig-user-id}/media}: returns the new container's id. */
    public String createContainer(AccountConfig account, Map<String, String> parameters) {
        return post(account, account.igUserId() + "/media", parameters).path("id").asText();
    }

    /** {@code GET /{container-id}?fields=status_code,status}. */
    public ContainerStatus containerStatus(AccountConfig account, String containerId) {
        JsonNode body = get(account, containerId, Map.of("fields", "id,status_code,status"));
        return new ContainerStatus(body.path("status_code").asText(null), body.path("status").asText(null));
    }

    /** {@code POST /{ig-user-id}/media_publish}: returns the published media's id. Not idempotent. */
    public String publish(AccountConfig account, String containerId) {
        return post(account, account.igUserId() + "/media_publish", Map.of("creation_id", containerId))
                .path("id").asText();
    }

    /** {@code GET /{media-id}?fields=permalink}. */
    public String permalink(AccountConfig account, String mediaId) {
        return get(account, mediaId, Map.of("fields", "id,permalink")).path("permalink").asText(null);
    }

    /** {@code GET /{ig-user-id}/content_publishing_limit}, in the wrapped or the flat shape. */
    public PublishingLimit publishingLimit(AccountConfig account) {
        JsonNode body = get(account, account.igUserId() + "/content_publishing_limit",
                Map.of("fields", "quota_usage,config"));
        JsonNode limit = body.has("data") ? body.path("data").path(0) : body;
        JsonNode config = limit.path("config");
        return new PublishingLimit(limit.path("quota_usage").asInt(0),
                config.path("quota_total").asInt(Integer.MAX_VALUE),
                Duration.ofSeconds(config.path("quota_duration").asLong(86_400)));
    }

    /**
     * {@code GET refresh_access_token} (graph.instagram.com, unversioned): a fresh 60-day token
     * for an Instagram Login token at least 24 hours old (docs/instagram.md#instagram-login).
     */
    public TokenGrant refreshInstagramToken(AccountConfig account) {
        JsonNode body = send(account, HttpRequest.newBuilder(URI.create(base(account) + "/refresh_access_token?"
                        + form(Map.of("grant_type", "ig_refresh_token", "access_token", account.accessToken()))))
                .timeout(properties.requestTimeout()).header("Accept", "application/json").GET().build(),
                "refresh_access_token");
        return TokenGrant.of(body);
    }

    /** {@code GET oauth/access_token?grant_type=fb_exchange_token}: a fresh long-lived Facebook user token (docs/instagram.md#facebook-login). */
    public TokenGrant exchangeFacebookToken(AccountConfig account, String userToken) {
        JsonNode body = send(account, HttpRequest.newBuilder(URI.create(base(account) + "/" + properties.version()
                        + "/oauth/access_token?" + form(Map.of("grant_type", "fb_exchange_token",
                        "client_id", String.valueOf(account.appId()), "client_secret", String.valueOf(account.appSecret()),
                        "fb_exchange_token", userToken))))
                .timeout(properties.requestTimeout()).header("Accept", "application/json").GET().build(),
                "fb_exchange_token", userToken);
        return TokenGrant.of(body);
    }

    /**
     * {@code GET me/accounts} with a user token: the Page token of the Page linked to the
     * account's Instagram user (never expiring when derived from a long-lived user token).
     */
    public String pageToken(AccountConfig account, String userToken) {
        JsonNode pages = get(account, userToken, "me/accounts", Map.of("fields", "id,access_token,instagram_business_account"));
        for (JsonNode page : pages.path("data")) {
            if (page.path("instagram_business_account").path("id").asText("").equals(account.igUserId())) {
                return page.path("access_token").asText(null);
            }
        }
        // Not a dead token: the refresh fails loudly (health, metric, log) instead of sending the account to re-auth.
        throw new GraphException.Unanswered("no Facebook Page in the first page of me/accounts is linked to Instagram account "
                + account.igUserId(), null);
    }

    private JsonNode get(AccountConfig account, String path, Map<String, String> query) {
        return get(account, account.accessToken(), path, query);
    }

    private JsonNode get(AccountConfig account, String token, String path, Map<String, String> query) {
        HttpRequest request = request(account, token, path + "?" + form(query)).GET().build();
        return send(account, request, path, token);
    }

    private JsonNode post(AccountConfig account, String path, Map<String, String> parameters) {
        HttpRequest request = request(account, account.accessToken(), path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                .build();
        return send(account, request, path);
    }

    private HttpRequest.Builder request(AccountConfig account, String token, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base(account) + "/" + properties.version() + "/" + pathAndQuery))
                .timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private String base(AccountConfig account) {
        return account.login() == AccountConfig.Login.FACEBOOK ? endpoints.facebookGraph() : endpoints.instagramGraph();
    }

    /** {@code alsoSecret}: other tokens this call carries, kept out of error messages like the account's own. */
    private JsonNode send(AccountConfig account, HttpRequest request, String what, String... alsoSecret) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GraphException.Unanswered("no answer from Instagram for " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException.Unanswered("interrupted while calling Instagram for " + what, e);
        }
        JsonNode body = parse(response.body(), what, response.statusCode());
        if (response.statusCode() / 100 == 2 && !body.has("error")) {
            return body;
        }
        JsonNode error = body.path("error");
        if (!error.isObject()) {
            throw new GraphException.Unanswered("HTTP " + response.statusCode() + " without a Graph error from "
                    + what, null);
        }
        throw new GraphException.Refused(response.statusCode(), new GraphError(
                error.path("code").asInt(),
                error.hasNonNull("error_subcode") ? error.path("error_subcode").asInt() : null,
                error.path("type").asText(null),
                redact(error.path("message").asText(""), account, alsoSecret),
                redact(error.path("error_user_title").asText(null), account, alsoSecret),
                redact(error.path("error_user_msg").asText(null), account, alsoSecret),
                error.path("fbtrace_id").asText(null)),
                retryAfter(response));
    }

    /** Graph messages can quote the token ("Malformed access token ..."); it must not travel further. */
    static String redact(String text, AccountConfig account, String... alsoSecret) {
        if (text == null) {
            return null;
        }
        String clean = text;
        for (String secret : java.util.stream.Stream.concat(java.util.stream.Stream.of(account.accessToken(), account.appSecret()),
                java.util.Arrays.stream(alsoSecret)).toList()) {
            if (secret != null && secret.length() >= 4) {
                clean = clean.replace(secret, "[redacted]");
            }
        }
        return clean;
    }

    private JsonNode parse(String body, String what, int status) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new GraphException.Unanswered("HTTP " + status + " with a body that is not JSON from " + what, e);
        }
    }

    /** The longest {@code estimated_time_to_regain_access} (minutes) in the BUC usage header. */
    private Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("X-Business-Use-Case-Usage").map(header -> {
            try {
                long minutes = 0;
                for (JsonNode entries : json.readTree(header)) {
                    for (JsonNode entry : entries) {
                        minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asLong(0));
                    }
                }
                return minutes > 0 ? Duration.ofMinutes(minutes) : null;
            } catch (IOException e) {
                return null;
            }
        }).orElse(null);
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
