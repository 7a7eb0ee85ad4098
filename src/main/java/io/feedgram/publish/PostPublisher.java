package io.feedgram.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.feedgram.account.AccountState;
import io.feedgram.account.AccountCredentials;
import io.feedgram.account.AccountStates;
import io.feedgram.graph.ContainerStatus;
import io.feedgram.graph.ErrorClass;
import io.feedgram.graph.GraphClient;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphException;
import io.feedgram.graph.PublishingLimit;
import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostContainers;
import io.feedgram.post.PostError;
import io.feedgram.post.PostLeases;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostStatus;
import io.feedgram.post.PostTransitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * READY → PUBLISHED.
 *
 * <p>{@code media_publish} is not idempotent (docs/architecture.md#record-around-publish). So the account's publish lock
 * is taken first and everything is read again under it; the minimum interval and the quota
 * are checked; "publishing" is recorded before the call and the media id right after it.
 * When an outcome is unknown (no answer, a 5xx, an ambiguous 4xx, a crash between the two
 * records) the container is marked uncertain and read instead of published, by the
 * {@link PublishReconciler}. An uncertain container is read again before every later attempt.
 */
@Component
public class PostPublisher {

    private static final Logger log = LoggerFactory.getLogger(PostPublisher.class);

    private final PostRepository posts;
    private final PostContainers containers;
    private final PostLeases leases;
    private final PostTransitions transitions;
    private final PublishReconciler reconciler;
    private final ContainerProcessing processing;
    private final AccountCredentials credentials;
    private final AccountStates states;
    private final GraphClient graph;
    private final GraphFailureHandler failures;
    private final PublishingProperties settings;
    private final Clock clock;

    public PostPublisher(PostRepository posts, PostContainers containers, PostLeases leases, PostTransitions transitions,
                         PublishReconciler reconciler, ContainerProcessing processing, AccountCredentials credentials, AccountStates states, GraphClient graph,
                         GraphFailureHandler failures, PublishingProperties settings, Clock clock) {
        this.posts = posts;
        this.containers = containers;
        this.leases = leases;
        this.transitions = transitions;
        this.reconciler = reconciler;
        this.processing = processing;
        this.credentials = credentials;
        this.states = states;
        this.graph = graph;
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    /** Publishes the next unpublished target of a READY post (a story post has one per media). */
    public void publish(Post claimed) {
        Instant now = clock.instant();
        String lock = UUID.randomUUID().toString();
        if (!states.tryStartPublish(claimed.accountId(), lock, now.plus(settings.lease()))) {
            leases.reschedule(claimed, now.plus(settings.tick()), claimed.attempts());
            return;
        }
        try {
            // Under the lock, with the state as it is now, not as it was when the post was claimed.
            Post post = posts.find(claimed.id()).filter(p -> p.status() == PostStatus.READY
                    && claimed.leaseOwner() != null && claimed.leaseOwner().equals(p.leaseOwner())).orElse(null);
            if (post != null && leases.holdLease(post, now.plus(settings.lease()))) {
                publishUnderLock(post);
            }
        } finally {
            states.endPublish(claimed.accountId(), lock);
        }
    }

    private void publishUnderLock(Post post) {
        GraphCredentials account = credentials.require(post.accountId());
        Optional<Container> next = reconciler.nextTarget(post);
        if (next.isEmpty()) {
            transitions.advance(post, PostStatus.PUBLISHED, clock.instant(), "all media published");
            return;
        }
        Container target = next.get();
        Instant now = clock.instant();
        Instant last = states.state(post.accountId()).map(AccountState::lastPublishedAt).orElse(null);
        if (last != null && last.plus(settings.minInterval()).isAfter(now)) {
            leases.reschedule(post, last.plus(settings.minInterval()), post.attempts());
            return;
        }
        if (target.publishStartedAt() != null || target.publishUncertain()) {
            // An earlier attempt may have published: only the container can tell.
            if (target.publishStartedAt() != null) {
                containers.markPublishUncertain(post.id(), target.position());
            }
            String why = target.publishStartedAt() != null && !target.publishUncertain()
                    ? "an earlier publish attempt was interrupted" : "an earlier publish attempt had an unknown outcome";
            ContainerStatus status = reconciler.readOrPark(post, account, target, why);
            if (status == null) {
                return;
            }
            if (!status.isFinished()) {
                reconciler.settle(post, account, target, status, why);
                return;
            }
        }
        if (quotaExhausted(post, account)) {
            return;
        }
        containers.markPublishStarted(post.id(), target.position(), clock.instant());
        String mediaId;
        try {
            mediaId = graph.publish(account, target.containerId());
        } catch (GraphException e) {
            onPublishFailure(post, account, target, e);
            return;
        }
        reconciler.published(post, account, target, mediaId, "published as media " + mediaId);
    }

    private boolean quotaExhausted(Post post, GraphCredentials account) {
        PublishingLimit limit;
        try {
            limit = graph.publishingLimit(account);
        } catch (GraphException e) {
            // The quota is advisory here: media_publish itself answers 9/2207042 when it is used up.
            log.warn("post {} [{}]: publishing limit unreadable, publishing anyway: {}", post.id(), post.accountId(),
                    e.getMessage());
            return false;
        }
        if (!limit.isExhausted()) {
            return false;
        }
        Instant retryAt = clock.instant().plus(settings.quotaRecheck());
        transitions.defer(post, retryAt, null, "publishing quota used up (" + limit.usage() + " of " + limit.total()
                + " in " + limit.window() + "); retry at " + retryAt);
        return true;
    }

    private void onPublishFailure(Post post, GraphCredentials account, Container target, GraphException e) {
        ErrorClass kind = failures.classify(e);
        boolean refusedOutright = kind == ErrorClass.NOT_READY || kind == ErrorClass.QUOTA_EXHAUSTED
                || kind == ErrorClass.AUTH || kind == ErrorClass.FIX_INPUT || kind == ErrorClass.RECREATE_CONTAINER;
        if (refusedOutright && !target.publishUncertain()) {
            // A first attempt that Instagram refused outright published nothing.
            containers.clearPublishStarted(post.id(), target.position());
            switch (kind) {
                case NOT_READY -> reconciler.notReadyYet(post, GraphFailureHandler.errorOf(e));
                case RECREATE_CONTAINER -> processing.recreate(post, target, new PostError(null, null, e.getMessage()),
                        e.getMessage());
                default -> failures.handle(post, e, "publishing");
            }
            return;
        }
        // No answer, a server error, a block, a rate limit, or any refusal after an uncertain
        // attempt (Instagram answers "not ready" or "not found" for a container it already published).
        containers.markPublishUncertain(post.id(), target.position());
        if (kind == ErrorClass.ACCOUNT_BLOCKED || kind == ErrorClass.RATE_LIMITED) {
            failures.pauseAccount(post, e);
        }
        String why = "publish outcome unknown (" + e.getMessage() + ")";
        ContainerStatus status = reconciler.readOrPark(post, account, target, why);
        if (status == null) {
            return;
        }
        if (status.isFinished()) {
            containers.clearPublishStarted(post.id(), target.position());
            failures.handle(post, e, "publishing (container still FINISHED, so nothing was published)");
        } else {
            reconciler.settle(post, account, target, status, why);
        }
    }
}
