package io.feedgram.webhook;

import io.feedgram.account.AccountApi;
import io.feedgram.account.AccountCredentials;
import io.feedgram.account.Subscriptions;
import io.feedgram.api.ApiProblem;
import io.feedgram.graph.EngagementClient;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphException;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Subscribes an account's app to the configured webhook fields ({@code subscribed_apps},
 * docs/instagram.md#webhooks): when the account is connected, and on
 * {@code POST /api/v1/accounts/{id}/subscriptions}. The result is recorded on the account either way.
 */
@Component
public class WebhookSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptions.class);

    private final EngagementClient graph;
    private final AccountCredentials credentials;
    private final Subscriptions subscriptions;
    private final AccountApi accounts;
    private final WebhooksProperties properties;

    public WebhookSubscriptions(EngagementClient graph, AccountCredentials credentials, Subscriptions subscriptions,
                                AccountApi accounts, WebhooksProperties properties) {
        this.graph = graph;
        this.credentials = credentials;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** The API call: subscribes now and answers the account; Instagram's refusal is a 422 with its reason. */
    public AccountApi.AccountView subscribe(@Header("id") String id) {
        accounts.known(id);
        try {
            subscribeNow(id);
        } catch (PageUnknown e) {
            throw new ApiProblem(409, "page-unknown", "Facebook Page not known", GraphCredentials.PAGE_UNKNOWN, null);
        } catch (GraphException.Refused e) {
            throw new ApiProblem(422, "instagram-refused", "Instagram refused", e.error().describe(), null);
        } catch (GraphException.Unanswered e) {
            throw new ApiProblem(502, "instagram-unavailable", "Instagram did not answer",
                    "Instagram did not answer; try again later.", null);
        }
        return accounts.get(id);
    }

    /** After a connect: a failure is recorded and logged, and never fails the connect itself. */
    public void afterConnect(String accountId) {
        try {
            subscribeNow(accountId);
        } catch (RuntimeException e) {
            log.warn("Account {} connected, but its webhook subscription failed: {}", accountId, e.getMessage());
        }
    }

    private void subscribeNow(String accountId) {
        GraphCredentials account = credentials.require(accountId);
        if (account.messagingNode().isEmpty()) {
            subscriptions.failed(accountId, GraphCredentials.PAGE_UNKNOWN);
            throw new PageUnknown();
        }
        try {
            graph.subscribe(account, properties.fields());
            subscriptions.subscribed(accountId, properties.fields());
            log.info("Account {} subscribed to webhook fields {}", accountId, properties.fields());
        } catch (GraphException e) {
            subscriptions.failed(accountId, e.getMessage());
            throw e;
        }
    }

    /** A Facebook Login account whose Page is not known: recorded as the subscription's result already. */
    private static final class PageUnknown extends RuntimeException {
        PageUnknown() {
            super(GraphCredentials.PAGE_UNKNOWN);
        }
    }
}
