package io.feedgram.connect;

import static io.feedgram.connect.OAuthCalls.parameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.feedgram.account.AccountConfig;
import io.feedgram.account.AccountConfig.Login;
import io.feedgram.account.Accounts;
import io.feedgram.account.Connection;

/**
 * Facebook Login (docs/instagram.md#facebook-login): dialog, code → short-lived user token → 60-day user
 * token → {@code /me/accounts} for the Page with a linked Instagram professional account, then
 * stores that Page's token (it never expires) with the user token it came from.
 */
@Component
class ConnectsFacebookAccount {

    static final String SCOPES = "instagram_basic,instagram_content_publish,pages_show_list,pages_read_engagement";
    private static final int MAX_PAGE_LISTS = 10;
    private static final Logger log = LoggerFactory.getLogger(ConnectsFacebookAccount.class);

    private final ConnectFlow flow;
    private final OAuthCalls calls;
    private final Accounts accounts;
    private final ConnectProperties properties;
    private final Clock clock;

    ConnectsFacebookAccount(ConnectFlow flow, OAuthCalls calls, Accounts accounts, ConnectProperties properties, Clock clock) {
        this.flow = flow;
        this.calls = calls;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** The dialog URL to send the browser to, or the final URL with {@code error=} when the account cannot connect. */
    String start(String accountId) {
        return flow.start(accountId, Login.FACEBOOK,
                account -> LoginUrls.facebookDialog(calls.endpoints().facebookDialog(), calls.version(),
                        account.appId(), flow.callbackUrl(Login.FACEBOOK), SCOPES, flow.newState(account)));
    }

    /** Handles the callback; returns where the browser ends. */
    String finish(Map<String, String> params) {
        return flow.finish(params, Login.FACEBOOK, this::connect);
    }

    private ConnectOutcome connect(AccountConfig account, String code) {
        String graph = calls.facebookGraph();
        var shortLived = OAuthResponses.bearer(calls.get(graph, "oauth/access_token", parameters("client_id", account.appId(),
                        "redirect_uri", flow.callbackUrl(Login.FACEBOOK), "client_secret", account.appSecret(), "code", code),
                        null, "the Facebook code exchange"))
                .orElseThrow(() -> failed("the Facebook code exchange answered no access_token"));
        var user = OAuthResponses.bearer(calls.get(graph, "oauth/access_token", parameters("grant_type", "fb_exchange_token",
                        "client_id", account.appId(), "client_secret", account.appSecret(),
                        "fb_exchange_token", shortLived.accessToken()), null, "the long-lived user token exchange"))
                .orElseThrow(() -> failed("the long-lived user token exchange answered no access_token"));
        List<OAuthResponses.LinkedPage> linked = linkedPages(graph, user.accessToken());
        if (linked.isEmpty()) {
            throw new ConnectFailure(ConnectError.NO_INSTAGRAM_ACCOUNT, "no Page of the Facebook user has an Instagram"
                    + " professional account linked");
        }
        // With an ig-user-id known, only its Page will do: a login must not move the account elsewhere.
        OAuthResponses.LinkedPage page = account.igUserId() == null ? linked.get(0) : linked.stream()
                .filter(p -> p.igUserId().equals(account.igUserId()))
                .findFirst()
                .orElseThrow(() -> new ConnectFailure(ConnectError.WRONG_ACCOUNT,
                        "no Page of this Facebook user is linked to Instagram account " + account.igUserId()));
        String username = calls.get(graph, page.igUserId(), parameters("fields", "username"), page.pageToken(),
                "the account lookup").path("username").asText(null);
        Instant userTokenExpiresAt = clock.instant().plus(user.expiresIn() == null
                ? Duration.ofDays(60) : Duration.ofSeconds(user.expiresIn()));
        accounts.connect(account.id(), new Connection(page.pageToken(), null, page.igUserId(), username,
                user.accessToken(), userTokenExpiresAt));
        log.info("account {} connected with Facebook Login as {} (IG user {}, Page {}); the user token is valid until {}",
                account.id(), username, page.igUserId(), page.pageId(), userTokenExpiresAt);
        return ConnectOutcome.connected(account.id(), username);
    }

    /** Every Page of {@code /me/accounts} with a linked Instagram account, following {@code paging.next}. */
    private List<OAuthResponses.LinkedPage> linkedPages(String graph, String userToken) {
        List<OAuthResponses.LinkedPage> linked = new ArrayList<>();
        JsonNode list = calls.get(graph, "me/accounts", parameters("fields", "id,name,access_token,instagram_business_account"),
                userToken, "the Page lookup");
        for (int lists = 1; ; lists++) {
            linked.addAll(OAuthResponses.linkedPages(list));
            Optional<String> next = OAuthResponses.next(list);
            if (next.isEmpty() || lists == MAX_PAGE_LISTS) {
                return linked;
            }
            list = calls.getAbsolute(next.get(), userToken, "the Page lookup");
        }
    }

    private static ConnectFailure failed(String detail) {
        return new ConnectFailure(ConnectError.TOKEN_EXCHANGE_FAILED, detail);
    }
}
