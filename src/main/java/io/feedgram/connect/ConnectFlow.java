package io.feedgram.connect;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.feedgram.account.AccountCredentials;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphException;
import io.feedgram.graph.Login;
import io.feedgram.graph.MetaEndpoints;
import io.feedgram.graph.MetaTransport;
import org.springframework.core.env.Environment;
import io.feedgram.webhook.WebhookSubscriptions;

/**
 * What both connect flows share: which accounts may connect, the callback URL, the signed state,
 * the checks every callback passes before a code is exchanged, and where the browser ends.
 */
@Component
class ConnectFlow {

    private static final Logger log = LoggerFactory.getLogger(ConnectFlow.class);

    /** A callback that passed the checks: the account it is for and the code to exchange. */
    record Accepted(String accountId, GraphCredentials account, String code) {
        @Override
        public String toString() {
            return "Accepted[account=" + accountId + ", code=***]";
        }
    }

    private final AccountCredentials credentials;
    private final ConnectStates states;
    private final ConnectProperties properties;
    private final MetaEndpoints endpoints;
    private final Environment environment;
    private final WebhookSubscriptions subscriptions;

    ConnectFlow(AccountCredentials credentials, ConnectStates states, ConnectProperties properties, MetaEndpoints endpoints,
                Environment environment, WebhookSubscriptions subscriptions) {
        this.credentials = credentials;
        this.states = states;
        this.properties = properties;
        this.endpoints = endpoints;
        this.environment = environment;
        this.subscriptions = subscriptions;
    }

    /** The account when it exists, uses {@code login} and has an app id and secret. */
    Optional<GraphCredentials> connectable(String accountId, Login login) {
        if (accountId == null || accountId.isBlank()) {
            return Optional.empty();
        }
        return credentials.find(accountId)
                .filter(a -> a.login() == login)
                .filter(a -> a.app().complete());
    }

    String callbackUrl(Login login) {
        return endpoints.publicUrl() + "/connect/" + path(login) + "/callback";
    }

    String newState(String accountId, Login login) {
        return states.issue(accountId, login);
    }

    /**
     * Checks a callback in order: a denial, missing parameters, the state (genuine, unexpired,
     * first use), the account. Throws the matching {@link ConnectFailure}.
     */
    Accepted accept(Map<String, String> params, Login login) {
        String state = params.get("state");
        if (params.containsKey("error")) {
            if (state != null) {
                states.redeem(state, login);
            }
            throw new ConnectFailure(ConnectError.AUTHORIZATION_DENIED, "the login answered " + params.get("error")
                    + (params.containsKey("error_reason") ? " (" + params.get("error_reason") + ")" : ""));
        }
        String code = params.get("code");
        if (code == null || code.isBlank() || state == null || state.isBlank()) {
            throw new ConnectFailure(ConnectError.MISSING_PARAMS, "the callback has no code or no state");
        }
        String accountId = states.redeem(state, login).orElseThrow(() ->
                new ConnectFailure(ConnectError.SESSION_EXPIRED, "the state is forged, expired or used"));
        GraphCredentials account = connectable(accountId, login).orElseThrow(() ->
                new ConnectFailure(ConnectError.INVALID_CONFIG, "account " + accountId + " cannot connect with " + path(login) + " login"));
        return new Accepted(accountId, account, LoginUrls.cleanCode(code));
    }

    /** Where the browser ends: {@code success-url} with {@code connected=true} or {@code error=}. */
    /**
     * Where a connect attempt sends the browser first: the login page {@code loginUrl} builds
     * for the account, or the final URL with {@code error=} when the account cannot connect.
     */
    String start(String accountId, Login login, Function<GraphCredentials, String> loginUrl) {
        if (accountId == null || accountId.isBlank()) {
            return finalUrl(ConnectOutcome.failed(null, ConnectError.MISSING_PARAMS));
        }
        return connectable(accountId, login).map(loginUrl)
                .orElseGet(() -> finalUrl(ConnectOutcome.failed(accountId, ConnectError.INVALID_CONFIG)));
    }

    /**
     * Handles a login's callback: checks it, lets {@code connect} exchange the code and store
     * the account, and returns where the browser ends (success, or {@code error=}).
     */
    String finish(Map<String, String> params, Login login, Function<Accepted, ConnectOutcome> connect) {
        ConnectOutcome outcome;
        try {
            outcome = connect.apply(accept(params, login));
        } catch (ConnectFailure failure) {
            log.warn("{} connect failed: {} ({})", login, failure.error().wireName(), failure.getMessage());
            outcome = ConnectOutcome.failed(null, failure.error());
        } catch (GraphException failure) {
            // Any call to Meta that failed or answered without the token: the messages carry no secret.
            log.warn("{} connect failed: {} ({})", login, ConnectError.TOKEN_EXCHANGE_FAILED.wireName(), failure.getMessage());
            outcome = ConnectOutcome.failed(null, ConnectError.TOKEN_EXCHANGE_FAILED);
        }
        if (outcome.error() == null) {
            subscriptions.afterConnect(outcome.accountId());   // comments and messages start arriving
        }
        return finalUrl(outcome);
    }

    String finalUrl(ConnectOutcome outcome) {
        String base = environment.resolveRequiredPlaceholders(properties.successUrl());
        if (outcome.succeeded()) {
            return LoginUrls.withQuery(base, MetaTransport.parameters("connected", "true", "account", outcome.accountId(),
                    "username", outcome.username() == null ? "" : outcome.username()));
        }
        return LoginUrls.withQuery(base, MetaTransport.parameters("error", outcome.error().wireName(),
                "message", outcome.error().message()));
    }

    private static String path(Login login) {
        return login == Login.INSTAGRAM ? "instagram" : "facebook";
    }
}
