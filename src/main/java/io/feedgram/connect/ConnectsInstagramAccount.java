package io.feedgram.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.feedgram.account.AccountCredentials;
import io.feedgram.account.Connection;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.Identity;
import io.feedgram.graph.Login;
import io.feedgram.graph.MetaEndpoints;
import io.feedgram.graph.MetaLogins;
import io.feedgram.graph.TokenGrant;

/**
 * Instagram Login (docs/instagram.md#instagram-login): authorize, code → short-lived token → 60-day token →
 * {@code /me} for the account's id and username, then stores the connection.
 */
@Component
class ConnectsInstagramAccount {

    static final String SCOPES = "instagram_business_basic,instagram_business_content_publish,"
            // Comments, replies and direct messages (webhooks and the events API) need these two.
            + "instagram_business_manage_comments,instagram_business_manage_messages";
    private static final Logger log = LoggerFactory.getLogger(ConnectsInstagramAccount.class);

    private final ConnectFlow flow;
    private final MetaLogins logins;
    private final MetaEndpoints endpoints;
    private final AccountCredentials credentials;
    private final Clock clock;

    ConnectsInstagramAccount(ConnectFlow flow, MetaLogins logins, MetaEndpoints endpoints, AccountCredentials credentials, Clock clock) {
        this.flow = flow;
        this.logins = logins;
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The authorize URL to send the browser to, or the final URL with {@code error=} when the account cannot connect. */
    String start(String accountId) {
        return flow.start(accountId, Login.INSTAGRAM,
                account -> LoginUrls.instagramAuthorize(endpoints.instagramAuthorize(),
                        account.app().appId(), flow.callbackUrl(Login.INSTAGRAM), SCOPES, flow.newState(accountId, Login.INSTAGRAM)));
    }

    /** Handles the callback; returns where the browser ends. */
    String finish(Map<String, String> params) {
        return flow.finish(params, Login.INSTAGRAM, this::connect);
    }

    private ConnectOutcome connect(ConnectFlow.Accepted accepted) {
        GraphCredentials account = accepted.account();
        TokenGrant shortLived = logins.exchangeInstagramCode(account.app(), flow.callbackUrl(Login.INSTAGRAM), accepted.code());
        TokenGrant longLived = logins.longLivedInstagramToken(account.app(), shortLived.accessToken());
        Identity me = logins.instagramIdentity(longLived.accessToken());
        if (account.igUserId() != null && !account.igUserId().equals(me.igUserId())) {
            // Whoever opens the connect link must not attach this account to their own Instagram account.
            throw new ConnectFailure(ConnectError.WRONG_ACCOUNT, "logged in as another Instagram account than " + account.igUserId());
        }
        Instant expiresAt = clock.instant().plus(longLived.expiresIn() == null ? Duration.ofDays(60) : longLived.expiresIn());
        credentials.connect(accepted.accountId(), new Connection(longLived.accessToken(), expiresAt, me.igUserId(), null, me.username(),
                null, null));
        log.info("account {} connected with Instagram Login as {} (IG user {}), token valid until {}",
                accepted.accountId(), me.username(), me.igUserId(), expiresAt);
        return ConnectOutcome.connected(accepted.accountId(), me.username());
    }
}
