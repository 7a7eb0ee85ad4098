package io.feedgram.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.feedgram.account.AccountState;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.ContainerStatus;
import io.feedgram.graph.ErrorClass;
import io.feedgram.graph.GraphException;
import io.feedgram.graph.PublishingLimit;
import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostError;
import io.feedgram.post.PostStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * READY → PUBLISHED, and UNCONFIRMED → PUBLISHED by reconciliation.
 *
 * <p>{@code media_publish} is not idempotent (docs/architecture.md#record-around-publish). So the account's publish lock
 * is taken first and everything is read again under it; the minimum interval and the quota
 * are checked; "publishing" is recorded before the call and the media id right after it.
 * When an outcome is unknown (no answer, a 5xx, an ambiguous 4xx, a crash between the two
 * records) the container is marked uncertain and read instead of published: PUBLISHED means
 * done, FINISHED means a retry is safe, and an unreadable container leaves the post
 * UNCONFIRMED. An uncertain container is read again before every later attempt.
 */
@Component("postPublisher")
public class PostPublisher {

    private static final Logger log = LoggerFactory.getLogger(PostPublisher.class);

    private final PublishContext context;

    public PostPublisher(PublishContext context) {
        this.context = context;
    }

    /** Publishes the next unpublished target of a READY post (a story post has one per media). */
    public void publish(Post claimed) {
        Instant now = context.clock().instant();
        String lock = UUID.randomUUID().toString();
        if (!context.accounts().tryStartPublish(claimed.accountId(), lock, now.plus(context.settings().lease()))) {
            context.posts().reschedule(claimed, now.plus(context.settings().tick()), claimed.attempts());
            return;
        }
        try {
            // Under the lock, with the state as it is now, not as it was when the post was claimed.
            Post post = context.posts().find(claimed.id()).filter(p -> p.status() == PostStatus.READY
                    && claimed.leaseOwner() != null && claimed.leaseOwner().equals(p.leaseOwner())).orElse(null);
            if (post != null && context.posts().holdLease(post, now.plus(context.settings().lease()))) {
                publishUnderLock(post);
            }
        } finally {
            context.accounts().endPublish(claimed.accountId(), lock);
        }
    }

    /** UNCONFIRMED: read the container of the publish whose outcome is unknown, once more. */
    public void reconcile(Post post) {
        Optional<Container> pending = context.posts().containers(post.id()).stream()
                .filter(c -> c.publishUncertain() && !c.isPublished()).findFirst();
        if (pending.isEmpty()) {
            context.posts().move(post, PostStatus.READY, context.clock().instant(), null, null, "nothing left to reconcile");
            return;
        }
        ContainerStatus status = readOrPark(post, context.account(post), pending.get(), null);
        if (status == null) {
            return;
        }
        if (status.isFinished()) {
            context.posts().move(post, PostStatus.READY, context.clock().instant(), null, null,
                    "reconciled: container still FINISHED, so nothing was published and a retry is safe");
        } else {
            settle(post, context.account(post), pending.get(), status, "reconciled");
        }
    }

    private void publishUnderLock(Post post) {
        GraphCredentials account = context.account(post);
        Optional<Container> next = nextTarget(post);
        if (next.isEmpty()) {
            context.posts().move(post, PostStatus.PUBLISHED, context.clock().instant(), null, null, "all media published");
            return;
        }
        Container target = next.get();
        Instant now = context.clock().instant();
        Instant last = context.accounts().state(post.accountId()).map(AccountState::lastPublishedAt).orElse(null);
        if (last != null && last.plus(context.settings().minInterval()).isAfter(now)) {
            context.posts().reschedule(post, last.plus(context.settings().minInterval()), post.attempts());
            return;
        }
        if (target.publishStartedAt() != null || target.publishUncertain()) {
            // An earlier attempt may have published: only the container can tell.
            if (target.publishStartedAt() != null) {
                context.posts().markPublishUncertain(post.id(), target.position());
            }
            String why = target.publishStartedAt() != null && !target.publishUncertain()
                    ? "an earlier publish attempt was interrupted" : "an earlier publish attempt had an unknown outcome";
            ContainerStatus status = readOrPark(post, account, target, why);
            if (status == null) {
                return;
            }
            if (!status.isFinished()) {
                settle(post, account, target, status, why);
                return;
            }
        }
        if (quotaExhausted(post, account)) {
            return;
        }
        context.posts().markPublishStarted(post.id(), target.position(), context.clock().instant());
        String mediaId;
        try {
            mediaId = context.graph().publish(account, target.containerId());
        } catch (GraphException e) {
            onPublishFailure(post, account, target, e);
            return;
        }
        published(post, account, target, mediaId, "published as media " + mediaId);
    }

    private boolean quotaExhausted(Post post, GraphCredentials account) {
        PublishingLimit limit;
        try {
            limit = context.graph().publishingLimit(account);
        } catch (GraphException e) {
            // The quota is advisory here: media_publish itself answers 9/2207042 when it is used up.
            log.warn("post {} [{}]: publishing limit unreadable, publishing anyway: {}", post.id(), post.accountId(),
                    e.getMessage());
            return false;
        }
        if (!limit.isExhausted()) {
            return false;
        }
        Instant retryAt = context.clock().instant().plus(context.settings().quotaRecheck());
        context.posts().move(post, PostStatus.DEFERRED, retryAt, PostStatus.READY, null,
                "publishing quota used up (" + limit.usage() + " of " + limit.total() + " in " + limit.window()
                        + "); retry at " + retryAt);
        return true;
    }

    private void onPublishFailure(Post post, GraphCredentials account, Container target, GraphException e) {
        ErrorClass kind = context.failures().classify(e);
        boolean refusedOutright = kind == ErrorClass.NOT_READY || kind == ErrorClass.QUOTA_EXHAUSTED
                || kind == ErrorClass.AUTH || kind == ErrorClass.FIX_INPUT || kind == ErrorClass.RECREATE_CONTAINER;
        if (refusedOutright && !target.publishUncertain()) {
            // A first attempt that Instagram refused outright published nothing.
            context.posts().clearPublishStarted(post.id(), target.position());
            switch (kind) {
                case NOT_READY -> notReadyYet(post, e);
                case RECREATE_CONTAINER -> recreate(post, target, e.getMessage());
                default -> context.failures().handle(post, e, "publishing");
            }
            return;
        }
        // No answer, a server error, a block, a rate limit, or any refusal after an uncertain
        // attempt (Instagram answers "not ready" or "not found" for a container it already published).
        context.posts().markPublishUncertain(post.id(), target.position());
        if (kind == ErrorClass.ACCOUNT_BLOCKED || kind == ErrorClass.RATE_LIMITED) {
            context.failures().pauseAccount(post, e);
        }
        String why = "publish outcome unknown (" + e.getMessage() + ")";
        ContainerStatus status = readOrPark(post, account, target, why);
        if (status == null) {
            return;
        }
        if (status.isFinished()) {
            context.posts().clearPublishStarted(post.id(), target.position());
            context.failures().handle(post, e, "publishing (container still FINISHED, so nothing was published)");
        } else {
            settle(post, account, target, status, why);
        }
    }

    /**
     * Reads a container whose publish outcome is unknown; on failure the post waits UNCONFIRMED
     * (or NEEDS_REAUTH when the token died) and null is returned.
     */
    private ContainerStatus readOrPark(Post post, GraphCredentials account, Container target, String why) {
        try {
            ContainerStatus status = context.graph().containerStatus(account, target.containerId());
            context.posts().saveContainerStatus(post.id(), target.position(), status.code(), status.text());
            return status;
        } catch (GraphException unreadable) {
            if (context.failures().classify(unreadable) == ErrorClass.AUTH) {
                context.failures().handle(post, unreadable, "reading container " + target.containerId());
                return null;
            }
            Instant retryAt = context.clock().instant().plus(context.settings().reconcileInterval()
                    .plus(context.settings().retryDelay(post.attempts())));
            if (post.status() == PostStatus.UNCONFIRMED) {
                context.posts().reschedule(post, retryAt, post.attempts() + 1);
            } else {
                context.posts().move(post, PostStatus.UNCONFIRMED, retryAt, PostStatus.READY,
                        GraphFailureHandler.errorOf(unreadable),
                        (why == null ? "publish outcome unknown" : why) + "; container " + target.containerId()
                                + " unreadable (" + unreadable.getMessage() + "); will read it again at " + retryAt
                                + ", never publish blindly");
            }
            return null;
        }
    }

    /** Acts on a container status that is not FINISHED: published, dead, or still processing. */
    private void settle(Post post, GraphCredentials account, Container target, ContainerStatus status, String why) {
        if (status.isPublished()) {
            published(post, account, target, null, why + "; container reads PUBLISHED, so it was published");
        } else if (status.isDead()) {
            // ERROR and EXPIRED containers were never published.
            recreate(post, target, why + "; container " + status.code());
        } else {
            notReadyYet(post, null);
        }
    }

    /** Publishing came too early (9007): look again after the poll delay, within the processing budget. */
    private void notReadyYet(Post post, GraphException cause) {
        Duration budget = post.hasVideo() ? context.settings().videoBudget() : context.settings().imageBudget();
        Instant now = context.clock().instant();
        if (post.status() == PostStatus.UNCONFIRMED) {
            context.posts().move(post, PostStatus.CONTAINERS_CREATED, now, null, null, "container still processing");
        } else if (post.phaseStartedAt() != null && now.isAfter(post.phaseStartedAt().plus(budget))) {
            context.failures().fail(post, cause == null ? new PostError(null, null, "not ready") : GraphFailureHandler.errorOf(cause),
                    "Instagram kept answering \"not ready\" for longer than " + budget);
        } else {
            context.posts().reschedule(post, now.plus(context.settings().pollDelay(post.attempts())), post.attempts() + 1);
        }
    }

    private void recreate(Post post, Container target, String why) {
        if (target.recreations() >= context.settings().maxRecreations()) {
            context.failures().fail(post, new PostError(null, null, why), why + " after " + target.recreations() + " recreation(s)");
            return;
        }
        context.posts().dropContainer(post.id(), target.position());
        if (target.isParent()) {
            context.posts().containers(post.id()).stream().filter(c -> !c.isParent())
                    .forEach(c -> context.posts().dropContainer(post.id(), c.position()));
        }
        context.posts().move(post, PostStatus.QUEUED, context.clock().instant(), null, null, why + "; creating the container again");
    }

    private void published(Post post, GraphCredentials account, Container target, String mediaId, String detail) {
        Instant now = context.clock().instant();
        context.posts().recordPublished(post.id(), target.position(), mediaId, now);
        context.accounts().recordPublished(post.accountId(), now);
        if (nextTarget(post).isPresent()) {
            // Story posts: the next media follows, paced by the minimum interval.
            context.posts().reschedule(post, now, 0);
            log.info("post {} [{}]: {}", post.id(), post.accountId(), detail);
        } else {
            context.posts().move(post, PostStatus.PUBLISHED, now, null, null, detail);
        }
        if (mediaId != null) {
            recordPermalink(post, account, target, mediaId);
        }
    }

    /** A permalink is nice to have; failing to read it never fails a publish (docs/architecture.md#permalink-is-optional). */
    private void recordPermalink(Post post, GraphCredentials account, Container target, String mediaId) {
        try {
            String permalink = context.graph().permalink(account, mediaId);
            if (permalink != null) {
                context.posts().recordPermalink(post.id(), target.position(), permalink);
                log.info("post {} [{}]: media {} is at {}", post.id(), post.accountId(), mediaId, permalink);
            }
        } catch (RuntimeException e) {
            log.warn("post {} [{}]: published as {}, permalink unreadable: {}", post.id(), post.accountId(), mediaId,
                    e.getMessage());
        }
    }

    private Optional<Container> nextTarget(Post post) {
        ContainerPlan plan = context.plan(post);
        List<Integer> targets = (plan.isCarousel() ? List.of(plan.parent()) : plan.items()).stream()
                .filter(ContainerPlan.Spec::publishTarget).map(ContainerPlan.Spec::position).toList();
        return context.posts().containers(post.id()).stream()
                .filter(c -> targets.contains(c.position()) && !c.isPublished())
                .findFirst();
    }
}
