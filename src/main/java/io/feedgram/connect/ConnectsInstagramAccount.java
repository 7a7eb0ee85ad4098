package io.feedgram.connect;

import static io.feedgram.connect.OAuthCalls.parameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.feedgram.account.AccountConfig;
import io.feedgram.account.AccountConfig.Login;
import io.feedgram.account.Accounts;
import io.feedgram.account.Connection;

/**
 * Instagram Login (docs/instagram.md#instagram-login): authorize, code → short-lived token → 60-day token →
 * {@code /me} for the account's id and username, then stores the connection.
 */
@Component
class ConnectsInstagramAccount {

    static final String SCOPES = "instagram_business_basic,instagram_business_content_publish";
    private static final Logger log = LoggerFactory.getLogger(ConnectsInstagramAccount.class);

    private final ConnectFlow flow;
    private final OAuthCalls calls;
    private final Accounts accounts;
    private final ConnectProperties properties;
    private final Clock clock;

    ConnectsInstagramAccount(ConnectFlow flow, OAuthCalls calls, Accounts accounts, ConnectProperties properties, Clock clock) {
        this.flow = flow;
        this.calls = calls;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** The authorize URL to send the browser to, or the final URL with {@code error=} when the account cannot connect. */
    String start(String accountId) {
        return flow.start(accountId, Login.INSTAGRAM,
                account -> LoginUrls.instagramAuthorize(calls.endpoints().instagramAuthorize(),
                        account.appId(), flow.callbackUrl(Login.INSTAGRAM), SCOPES, flow.newState(account)));
    }

    /** Handles the callback; returns where the browser ends. */
    String finish(Map<String, String> params) {
        return flow.finish(params, Login.INSTAGRAM, this::connect);
    }

    private ConnectOutcome connect(AccountConfig account, String code) {
        String secret = account.appSecret();
        var shortLived = OAuthResponses.instagramCodeExchange(calls.postInstagramCode(parameters("client_id", account.appId(),
                        "client_secret", secret, "grant_type", "authorization_code",
                        "redirect_uri", flow.callbackUrl(Login.INSTAGRAM), "code", code)))
                .orElseThrow(() -> failed("the Instagram code exchange answered no access_token"));
        var longLived = OAuthResponses.bearer(calls.get(calls.instagramGraph(), "access_token", parameters(
                        "grant_type", "ig_exchange_token", "client_secret", secret, "access_token", shortLived.accessToken()),
                        null, "the long-lived token exchange"))
                .orElseThrow(() -> failed("the long-lived token exchange answered no access_token"));
        var me = OAuthResponses.identity(calls.get(calls.instagramGraph(), calls.version() + "/me",
                        parameters("fields", "user_id,username"), longLived.accessToken(), "the account lookup"))
                .orElseThrow(() -> failed("/me answered no user_id"));
        if (account.igUserId() != null && !account.igUserId().equals(me.igUserId())) {
            // Whoever opens the connect link must not attach this account to their own Instagram account.
            throw new ConnectFailure(ConnectError.WRONG_ACCOUNT, "logged in as another Instagram account than " + account.igUserId());
        }
        Instant expiresAt = clock.instant().plus(longLived.expiresIn() == null
                ? Duration.ofDays(60) : Duration.ofSeconds(longLived.expiresIn()));
        accounts.connect(account.id(), new Connection(longLived.accessToken(), expiresAt, me.igUserId(), me.username(), null, null));
        log.info("account {} connected with Instagram Login as {} (IG user {}), token valid until {}",
                account.id(), me.username(), me.igUserId(), expiresAt);
        return ConnectOutcome.connected(account.id(), me.username());
    }

    private static ConnectFailure failed(String detail) {
        return new ConnectFailure(ConnectError.TOKEN_EXCHANGE_FAILED, detail);
    }
}
