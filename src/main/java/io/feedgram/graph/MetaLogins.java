package io.feedgram.graph;

import static io.feedgram.graph.MetaTransport.parameters;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The token calls of both logins (docs/instagram.md#logins), for the connect flows and the token
 * refresh alike: code exchanges, long-lived exchanges, refreshes, {@code me/accounts} and {@code /me}.
 * Failures are {@link GraphException}s, an answer without the expected field an {@link GraphException.Unanswered}.
 */
@Component
public class MetaLogins {

    private final MetaTransport transport;
    private final MetaEndpoints endpoints;
    private final GraphProperties properties;

    public MetaLogins(MetaTransport transport, MetaEndpoints endpoints, GraphProperties properties) {
        this.transport = transport;
        this.endpoints = endpoints;
        this.properties = properties;
    }

    /** {@code POST api.instagram.com/oauth/access_token}: a short-lived Instagram token and its user. */
    public TokenGrant exchangeInstagramCode(MetaApp app, String redirectUri, String code) {
        String what = "the Instagram code exchange";
        return granted(TokenGrant.instagramCodeExchange(transport.post(endpoints.instagramToken(),
                parameters("client_id", app.appId(), "client_secret", app.appSecret(), "grant_type", "authorization_code",
                        "redirect_uri", redirectUri, "code", code), null, what)), what);
    }

    /** {@code GET graph.instagram.com/access_token?grant_type=ig_exchange_token}: the 60-day token. */
    public TokenGrant longLivedInstagramToken(MetaApp app, String shortLivedToken) {
        String what = "the long-lived token exchange";
        return granted(TokenGrant.bearer(transport.get(endpoints.instagramGraph() + "/access_token",
                parameters("grant_type", "ig_exchange_token", "client_secret", app.appSecret(),
                        "access_token", shortLivedToken), null, what)), what);
    }

    /**
     * {@code GET refresh_access_token} (graph.instagram.com, unversioned): a fresh 60-day token for
     * an Instagram Login token at least 24 hours old (docs/instagram.md#instagram-login).
     */
    public TokenGrant refreshInstagramToken(String accessToken) {
        String what = "refresh_access_token";
        return granted(TokenGrant.bearer(transport.get(endpoints.instagramGraph() + "/refresh_access_token",
                parameters("grant_type", "ig_refresh_token", "access_token", accessToken), null, what)), what);
    }

    /** {@code GET /me?fields=user_id,username} on graph.instagram.com. */
    public Identity instagramIdentity(String accessToken) {
        String what = "the account lookup";
        return Identity.of(transport.get(instagramGraph() + "/me", parameters("fields", "user_id,username"), accessToken, what))
                .orElseThrow(() -> new GraphException.Unanswered(what + " answered no user_id", null));
    }

    /** {@code GET oauth/access_token} with a Facebook Login code: a short-lived user token. */
    public TokenGrant exchangeFacebookCode(MetaApp app, String redirectUri, String code) {
        String what = "the Facebook code exchange";
        return granted(TokenGrant.bearer(transport.get(facebookGraph() + "/oauth/access_token",
                parameters("client_id", app.appId(), "redirect_uri", redirectUri, "client_secret", app.appSecret(),
                        "code", code), null, what)), what);
    }

    /** {@code GET oauth/access_token?grant_type=fb_exchange_token}: a fresh long-lived Facebook user token (docs/instagram.md#facebook-login). */
    public TokenGrant exchangeFacebookToken(MetaApp app, String userToken) {
        String what = "the long-lived user token exchange";
        return granted(TokenGrant.bearer(transport.get(facebookGraph() + "/oauth/access_token",
                parameters("grant_type", "fb_exchange_token", "client_id", app.appId(), "client_secret", app.appSecret(),
                        "fb_exchange_token", userToken), null, what)), what);
    }

    /**
     * Every Page of {@code me/accounts} with a linked Instagram account, following {@code paging.next}:
     * the Page tokens never expire when derived from a long-lived user token.
     */
    public List<LinkedPage> linkedPages(String userToken) {
        return transport.getAll(facebookGraph() + "/me/accounts",
                        parameters("fields", "id,name,access_token,instagram_business_account"), userToken, "the Page lookup")
                .stream().flatMap(list -> LinkedPage.of(list).stream()).toList();
    }

    /** {@code GET /{ig-user-id}?fields=username} on graph.facebook.com with a Page token. */
    public String facebookUsername(String igUserId, String pageToken) {
        return transport.get(facebookGraph() + "/" + igUserId, parameters("fields", "username"), pageToken,
                "the account lookup").path("username").asText(null);
    }

    private String instagramGraph() {
        return endpoints.instagramGraph() + "/" + properties.version();
    }

    private String facebookGraph() {
        return endpoints.facebookGraph() + "/" + properties.version();
    }

    private static TokenGrant granted(Optional<TokenGrant> grant, String what) {
        return grant.orElseThrow(() -> new GraphException.Unanswered(what + " answered no access_token", null));
    }
}
