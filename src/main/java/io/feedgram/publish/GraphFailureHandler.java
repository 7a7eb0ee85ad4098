package io.feedgram.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.feedgram.account.AccountStates;
import io.feedgram.graph.ErrorClass;
import io.feedgram.graph.ErrorPolicy;
import io.feedgram.graph.GraphError;
import io.feedgram.graph.GraphException;
import io.feedgram.post.Post;
import io.feedgram.post.PostError;
import io.feedgram.post.PostLeases;
import io.feedgram.post.PostTransitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a post does after Instagram refused a call or did not answer, by the error's class:
 * back off, wait for a rate limit or the quota, fail with the reason, pause the account,
 * or wait for re-authorization. Steps handle the classes whose meaning depends on the step
 * (not ready, recreate, unreadable, an ambiguous publish) before they get here.
 */
@Component
public class GraphFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(GraphFailureHandler.class);

    private final ErrorPolicy policy;
    private final PostTransitions transitions;
    private final PostLeases leases;
    private final AccountStates states;
    private final PublishingProperties settings;
    private final Clock clock;

    public GraphFailureHandler(ErrorPolicy policy, PostTransitions transitions, PostLeases leases, AccountStates states,
                               PublishingProperties settings, Clock clock) {
        this.policy = policy;
        this.transitions = transitions;
        this.leases = leases;
        this.states = states;
        this.settings = settings;
        this.clock = clock;
    }

    /** An ERROR container: an input problem fails the post with Instagram's reason; anything else is created anew. */
    public boolean failsForGood(Post post, Integer subcode, String what) {
        if (policy.classifyContainerError(subcode) != ErrorClass.FIX_INPUT) {
            return false;
        }
        String reason = what + ": " + policy.describe(subcode) + "; creating the container again cannot help";
        transitions.fail(post, new PostError(null, subcode, reason), reason);
        return true;
    }

    public ErrorClass classify(GraphException failure) {
        return policy.classify(failure);
    }

    public void handle(Post post, GraphException failure, String doing) {
        PostError error = errorOf(failure);
        String reason = doing + ": " + failure.getMessage();
        switch (policy.classify(failure)) {
            case RATE_LIMITED, ACCOUNT_BLOCKED -> {
                // Calls made while limited extend the limit (docs/instagram.md#rate-limits): the whole account waits.
                Instant until = pauseAccount(post, failure);
                transitions.defer(post, until, error, reason + "; account paused until " + until);
            }
            case QUOTA_EXHAUSTED -> defer(post, settings.quotaRecheck(), error, reason);
            case AUTH -> {
                transitions.park(post, error, reason);
                states.requireReauthorization(post.accountId(), error.message());
            }
            case FIX_INPUT, UNREADABLE -> transitions.fail(post, error, reason);
            case RETRY_ONCE -> {
                if (post.attempts() >= 1) {
                    transitions.fail(post, error, reason + " (tried twice)");
                } else {
                    retry(post, reason);
                }
            }
            case TRANSIENT, NOT_READY, RECREATE_CONTAINER -> {
                if (post.attempts() >= settings.maxRetries()) {
                    transitions.fail(post, error, reason + " (gave up after " + (post.attempts() + 1) + " attempts)");
                } else {
                    retry(post, reason);
                }
            }
        }
    }

    /** Pauses the post's account for as long as Instagram asked, or the configured pause; returns when it ends. */
    public Instant pauseAccount(Post post, GraphException failure) {
        boolean blocked = policy.classify(failure) == ErrorClass.ACCOUNT_BLOCKED;
        Duration pause = later(failure, blocked ? settings.accountBlockPause() : settings.retryDelay(post.attempts()));
        Instant until = clock.instant().plus(pause);
        states.pause(post.accountId(), until, errorOf(failure).message());
        return until;
    }

    private void retry(Post post, String reason) {
        Duration delay = settings.retryDelay(post.attempts());
        log.warn("post {} [{}] will retry in {}: {}", post.id(), post.accountId(), delay, reason);
        leases.reschedule(post, clock.instant().plus(delay), post.attempts() + 1);
    }

    private void defer(Post post, Duration delay, PostError error, String reason) {
        Instant until = clock.instant().plus(delay);
        transitions.defer(post, until, error, reason + "; retry at " + until);
    }

    private static Duration later(GraphException failure, Duration fallback) {
        if (failure instanceof GraphException.Refused refused && refused.retryAfter() != null
                && refused.retryAfter().compareTo(fallback) > 0) {
            return refused.retryAfter();
        }
        return fallback;
    }

    static PostError errorOf(GraphException failure) {
        if (failure instanceof GraphException.Refused refused) {
            GraphError e = refused.error();
            return new PostError(e.code(), e.subcode(), e.describe());
        }
        return new PostError(null, null, failure.getMessage());
    }
}
