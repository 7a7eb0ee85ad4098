package io.feedgram.publish;

import java.time.Clock;
import java.time.Instant;

import io.feedgram.account.AccountState;
import io.feedgram.account.AccountStates;
import io.feedgram.graph.GraphClient;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphException;
import io.feedgram.graph.PublishingLimit;
import io.feedgram.post.Post;
import io.feedgram.post.PostTransitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether a publish may go ahead as far as the account's publishing quota goes
 * (docs/architecture.md#pacing). {@code content_publishing_limit} is read only when the account
 * is near its limit (the last reading plus Feedgram's publishes since, within {@code quota-margin}),
 * when the reading is older than {@code quota-read-interval}, or when there is none. Other tools
 * may publish on the same account unseen: Instagram then refuses with 9/2207042, the post is
 * deferred and the reading is forgotten, so the next publish reads the quota first.
 */
@Component
public class QuotaCheck {

    private static final Logger log = LoggerFactory.getLogger(QuotaCheck.class);

    private final AccountStates states;
    private final GraphClient graph;
    private final PostTransitions transitions;
    private final PublishingProperties settings;
    private final Clock clock;

    public QuotaCheck(AccountStates states, GraphClient graph, PostTransitions transitions, PublishingProperties settings,
                      Clock clock) {
        this.states = states;
        this.graph = graph;
        this.transitions = transitions;
        this.settings = settings;
        this.clock = clock;
    }

    /** True when the quota is used up: the post is then deferred until {@code quota-recheck} from now. */
    boolean deferredForQuota(Post post, GraphCredentials account) {
        if (!needsReading(states.state(post.accountId()).map(AccountState::quota).orElse(null))) {
            return false;
        }
        PublishingLimit limit;
        try {
            limit = graph.publishingLimit(account);
        } catch (GraphException e) {
            // The quota is advisory here: media_publish itself answers 9/2207042 when it is used up.
            log.warn("post {} [{}]: publishing limit unreadable, publishing anyway: {}", post.id(), post.accountId(),
                    e.getMessage());
            return false;
        }
        states.recordQuotaReading(post.accountId(), limit.usage(), limit.total(), clock.instant());
        if (!limit.isExhausted()) {
            return false;
        }
        Instant retryAt = clock.instant().plus(settings.quotaRecheck());
        transitions.defer(post, retryAt, null, "publishing quota used up (" + limit.usage() + " of " + limit.total()
                + " in " + limit.window() + "); retry at " + retryAt);
        return true;
    }

    /** Instagram refused a publish for the quota (9/2207042): the reading was wrong; read before the next publish. */
    void refusedForQuota(Post post) {
        states.forgetQuotaReading(post.accountId());
    }

    private boolean needsReading(AccountState.QuotaReading quota) {
        return quota == null
                || quota.readAt().plus(settings.quotaReadInterval()).isBefore(clock.instant())
                || quota.knownUsage() >= quota.total() - settings.quotaMargin();
    }
}
