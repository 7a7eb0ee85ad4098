package io.feedgram.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.feedgram.account.AccountCredentials;
import io.feedgram.account.Connection;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphProperties;
import io.feedgram.graph.LinkedPage;
import io.feedgram.graph.Login;
import io.feedgram.graph.MetaEndpoints;
import io.feedgram.graph.MetaLogins;
import io.feedgram.graph.TokenGrant;

/**
 * Facebook Login (docs/instagram.md#facebook-login): dialog, code → short-lived user token → 60-day user
 * token → {@code /me/accounts} for the Page with a linked Instagram professional account, then
 * stores that Page's token (it never expires) with the user token it came from.
 */
@Component
class ConnectsFacebookAccount {

    static final String SCOPES = "instagram_basic,instagram_content_publish,pages_show_list,pages_read_engagement,"
            // Comments and direct messages, and the Page's webhook subscription (subscribed_apps) and private replies.
            + "instagram_manage_comments,instagram_manage_messages,pages_manage_metadata,pages_messaging";
    private static final Logger log = LoggerFactory.getLogger(ConnectsFacebookAccount.class);

    private final ConnectFlow flow;
    private final MetaLogins logins;
    private final MetaEndpoints endpoints;
    private final GraphProperties graph;
    private final AccountCredentials credentials;
    private final Clock clock;

    ConnectsFacebookAccount(ConnectFlow flow, MetaLogins logins, MetaEndpoints endpoints, GraphProperties graph,
                            AccountCredentials credentials, Clock clock) {
        this.flow = flow;
        this.logins = logins;
        this.endpoints = endpoints;
        this.graph = graph;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The dialog URL to send the browser to, or the final URL with {@code error=} when the account cannot connect. */
    String start(String accountId) {
        return flow.start(accountId, Login.FACEBOOK,
                account -> LoginUrls.facebookDialog(endpoints.facebookDialog(), graph.version(),
                        account.app().appId(), flow.callbackUrl(Login.FACEBOOK), SCOPES, flow.newState(accountId, Login.FACEBOOK)));
    }

    /** Handles the callback; returns where the browser ends. */
    String finish(Map<String, String> params) {
        return flow.finish(params, Login.FACEBOOK, this::connect);
    }

    private ConnectOutcome connect(ConnectFlow.Accepted accepted) {
        GraphCredentials account = accepted.account();
        TokenGrant shortLived = logins.exchangeFacebookCode(account.app(), flow.callbackUrl(Login.FACEBOOK), accepted.code());
        TokenGrant user = logins.exchangeFacebookToken(account.app(), shortLived.accessToken());
        List<LinkedPage> linked = logins.linkedPages(user.accessToken());
        if (linked.isEmpty()) {
            throw new ConnectFailure(ConnectError.NO_INSTAGRAM_ACCOUNT, "no Page of the Facebook user has an Instagram"
                    + " professional account linked");
        }
        // With an ig-user-id known, only its Page will do: a login must not move the account elsewhere.
        LinkedPage page = account.igUserId() == null ? linked.get(0) : linked.stream()
                .filter(p -> p.igUserId().equals(account.igUserId()))
                .findFirst()
                .orElseThrow(() -> new ConnectFailure(ConnectError.WRONG_ACCOUNT,
                        "no Page of this Facebook user is linked to Instagram account " + account.igUserId()));
        String username = logins.facebookUsername(page.igUserId(), page.pageToken());
        Instant userTokenExpiresAt = clock.instant().plus(user.expiresIn() == null ? Duration.ofDays(60) : user.expiresIn());
        credentials.connect(accepted.accountId(), new Connection(page.pageToken(), null, page.igUserId(), page.pageId(), username,
                user.accessToken(), userTokenExpiresAt));
        log.info("account {} connected with Facebook Login as {} (IG user {}, Page {}); the user token is valid until {}",
                accepted.accountId(), username, page.igUserId(), page.pageId(), userTokenExpiresAt);
        return ConnectOutcome.connected(accepted.accountId(), username);
    }
}
