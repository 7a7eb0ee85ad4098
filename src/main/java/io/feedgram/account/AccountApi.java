package io.feedgram.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.feedgram.graph.GraphClient;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphException;
import io.feedgram.graph.PublishingLimit;
import io.feedgram.api.ApiProblem;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** The accounts under {@code /api/v1/accounts}: what they are, how their tokens and quota stand. Never a secret. */
@Component("accountApi")
public class AccountApi {

    private final AccountCredentials credentials;
    private final AccountStates states;
    private final TokenRefresher refresher;
    private final GraphClient graph;
    private final Subscriptions subscriptions;
    private final Clock clock;

    public AccountApi(AccountCredentials credentials, AccountStates states, TokenRefresher refresher, GraphClient graph,
                      Subscriptions subscriptions, Clock clock) {
        this.credentials = credentials;
        this.states = states;
        this.refresher = refresher;
        this.graph = graph;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccountView(String id, String username, String login, boolean connected, String tokenSource,
                              Instant tokenExpiresAt, Long daysLeft, Instant lastRefreshAt, String lastRefreshResult,
                              int refreshFailures, Quota quota, String state, String stateReason, Instant pausedUntil,
                              Instant lastPublishedAt, Webhooks webhooks) {
    }

    /** The webhook fields the app is subscribed to for the account, and when its last event arrived. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Webhooks(List<String> subscribedFields, Instant subscribedAt, String lastResult, Instant lastEventAt) {
    }

    /** Quota usage as Instagram reports it now; null when it cannot be read. */
    public record Quota(int usage, int total) {
    }

    public List<AccountView> list() {
        return credentials.ids().stream().map(id -> view(id, false)).toList();
    }

    public AccountView get(@Header("id") String id) {
        return view(known(id), true);
    }

    /** Refreshes the token now (one attempt) and answers with the account; 409 when it is not connected. */
    public AccountView refresh(@Header("id") String id) {
        known(id);
        if (!credentials.token(id).orElseThrow().connected()) {
            throw ApiProblem.conflict("Account " + id + " is not connected; connect it first.");
        }
        refresher.refreshNow(id);
        return view(id, true);
    }

    public AccountView disconnect(@Header("id") String id) {
        credentials.disconnect(known(id));
        return view(id, false);
    }

    /** The account's id when it is configured; 404 otherwise. */
    public String known(String id) {
        return credentials.find(id).map(account -> id)
                .orElseThrow(() -> ApiProblem.notFound("No account with id " + id + "."));
    }

    private AccountView view(String id, boolean withQuota) {
        GraphCredentials account = credentials.find(id).orElseThrow();
        StoredToken token = credentials.token(id).orElseThrow();
        AccountState state = states.state(id).orElseThrow();
        Instant now = clock.instant();
        Long daysLeft = token.expiresAt() == null ? null : Duration.between(now, token.expiresAt()).toDays();
        return new AccountView(id, token.username(), account.login().name().toLowerCase(java.util.Locale.ROOT),
                token.connected(), token.source(), token.expiresAt(), daysLeft, token.lastRefreshAt(),
                token.lastRefreshResult(), token.refreshFailures(),
                withQuota && token.connected() ? quota(account) : null,
                state.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), state.reason(),
                state.pausedUntil(), state.lastPublishedAt(), webhooks(id));
    }

    private Webhooks webhooks(String id) {
        Subscriptions.Subscription subscription = subscriptions.find(id);
        return new Webhooks(subscription.fields(), subscription.subscribedAt(), subscription.lastResult(),
                subscription.lastEventAt());
    }

    private Quota quota(GraphCredentials account) {
        try {
            PublishingLimit limit = graph.publishingLimit(account);
            return new Quota(limit.usage(), limit.total());
        } catch (GraphException e) {
            return null;
        }
    }
}
