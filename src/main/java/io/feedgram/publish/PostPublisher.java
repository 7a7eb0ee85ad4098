package io.feedgram.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.account.AccountConfig;
import io.feedgram.account.Accounts;
import io.feedgram.graph.ContainerStatus;
import io.feedgram.graph.ErrorClass;
import io.feedgram.graph.GraphClient;
import io.feedgram.graph.GraphException;
import io.feedgram.graph.PublishingLimit;
import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostError;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * READY → PUBLISHED, and UNCONFIRMED → PUBLISHED by reconciliation.
 *
 * <p>{@code media_publish} is not idempotent (DESIGN.md rule 1), so: one publish in flight per
 * account, the minimum interval and the quota are checked first; "publishing" is recorded
 * before the call and the media id right after it; and when the outcome is unknown (no
 * answer, a 5xx, an ambiguous 4xx, or a crash between the two records) the container is
 * read instead of publishing again: PUBLISHED means done, FINISHED means a retry is safe,
 * and an unreadable container leaves the post UNCONFIRMED until it can be read.
 */
@Component("postPublisher")
public class PostPublisher {

    private static final Logger log = LoggerFactory.getLogger(PostPublisher.class);

    private final PostRepository posts;
    private final Accounts accounts;
    private final GraphClient graph;
    private final GraphFailureHandler failures;
    private final PublishingProperties settings;
    private final ObjectMapper json;
    private final Clock clock;

    public PostPublisher(PostRepository posts, Accounts accounts, GraphClient graph, GraphFailureHandler failures,
                         PublishingProperties settings, ObjectMapper json, Clock clock) {
        this.posts = posts;
        this.accounts = accounts;
        this.graph = graph;
        this.failures = failures;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Publishes the next unpublished target of a READY post (a story post has one per media). */
    public void publish(Post post) {
        AccountConfig account = accounts.find(post.accountId()).orElseThrow();
        Optional<Container> next = nextTarget(post);
        if (next.isEmpty()) {
            posts.move(post, PostStatus.PUBLISHED, clock.instant(), null, null, "all media published");
            return;
        }
        Container target = next.get();
        if (target.publishStartedAt() != null) {
            reconcile(post, account, target, null);    // an earlier attempt's outcome was never recorded
            return;
        }
        Instant now = clock.instant();
        Instant allowedAt = accounts.state(post.accountId()).map(s -> s.lastPublishedAt()).orElse(null);
        if (allowedAt != null && allowedAt.plus(settings.minInterval()).isAfter(now)) {
            posts.reschedule(post, allowedAt.plus(settings.minInterval()), post.attempts());
            return;
        }
        if (!accounts.tryStartPublish(post.accountId(), now.plus(settings.lease()))) {
            posts.reschedule(post, now.plus(settings.tick()), post.attempts());
            return;
        }
        try {
            if (quotaExhausted(post, account)) {
                return;
            }
            posts.markPublishStarted(post.id(), target.position(), clock.instant());
            String mediaId;
            try {
                mediaId = graph.publish(account, target.containerId());
            } catch (GraphException e) {
                onPublishFailure(post, account, target, e);
                return;
            }
            published(post, account, target, mediaId, "published as media " + mediaId);
        } finally {
            accounts.endPublish(post.accountId());
        }
    }

    /** UNCONFIRMED: read the container of the publish whose outcome is unknown, once more. */
    public void reconcile(Post post) {
        AccountConfig account = accounts.find(post.accountId()).orElseThrow();
        Optional<Container> pending = posts.containers(post.id()).stream()
                .filter(c -> c.publishStartedAt() != null && !c.isPublished()).findFirst();
        if (pending.isEmpty()) {
            posts.move(post, PostStatus.READY, clock.instant(), null, null, "nothing left to reconcile");
            return;
        }
        reconcile(post, account, pending.get(), null);
    }

    private boolean quotaExhausted(Post post, AccountConfig account) {
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
        posts.move(post, PostStatus.DEFERRED, retryAt, PostStatus.READY, null,
                "publishing quota used up (" + limit.usage() + " of " + limit.total() + " in " + limit.window()
                        + "); retry at " + retryAt);
        return true;
    }

    private void onPublishFailure(Post post, AccountConfig account, Container target, GraphException e) {
        ErrorClass kind = failures.classify(e);
        switch (kind) {
            // Instagram refused before publishing anything: the request can be judged as it is.
            case NOT_READY -> {
                posts.clearPublishStarted(post.id(), target.position());
                notReadyYet(post, e);
            }
            case QUOTA_EXHAUSTED, AUTH, FIX_INPUT -> {
                posts.clearPublishStarted(post.id(), target.position());
                failures.handle(post, e, "publishing");
            }
            case RECREATE_CONTAINER -> {
                posts.clearPublishStarted(post.id(), target.position());
                recreate(post, target, e.getMessage());
            }
            // No answer, a server error, a block or a rate limit: it may have been published.
            default -> reconcile(post, account, target, e);
        }
    }

    /**
     * Decides from the container's status whether an attempt whose outcome is unknown
     * published the media. {@code cause} is null after a crash between the two records.
     */
    private void reconcile(Post post, AccountConfig account, Container target, GraphException cause) {
        String why = cause != null ? "publish outcome unknown (" + cause.getMessage() + ")"
                : post.status() == PostStatus.UNCONFIRMED ? "reconciling an unconfirmed publish"
                : "an earlier publish attempt was interrupted";
        ContainerStatus status;
        try {
            status = graph.containerStatus(account, target.containerId());
        } catch (GraphException unreadable) {
            Instant retryAt = clock.instant().plus(settings.reconcileInterval());
            String detail = why + "; container " + target.containerId() + " unreadable (" + unreadable.getMessage()
                    + "); will read it again at " + retryAt + ", never publish blindly";
            if (post.status() == PostStatus.UNCONFIRMED) {
                posts.reschedule(post, clock.instant().plus(settings.retryDelay(post.attempts())
                        .plus(settings.reconcileInterval())), post.attempts() + 1);
            } else {
                posts.move(post, PostStatus.UNCONFIRMED, retryAt, PostStatus.READY,
                        cause == null ? null : GraphFailureHandler.errorOf(cause), detail);
            }
            return;
        }
        posts.saveContainerStatus(post.id(), target.position(), status.code(), status.text());
        if (status.isPublished()) {
            published(post, account, target, null, why + "; container reads PUBLISHED, so it was published");
            return;
        }
        posts.clearPublishStarted(post.id(), target.position());
        if (status.isDead()) {
            recreate(post, target, why + "; container " + status.code());
        } else if (!status.isFinished()) {
            notReadyYet(post, cause);
        } else if (post.status() == PostStatus.UNCONFIRMED) {
            posts.move(post, PostStatus.READY, clock.instant(), null, null,
                    why + "; container still FINISHED, so nothing was published and a retry is safe");
        } else if (cause != null) {
            failures.handle(post, cause, "publishing (container still FINISHED, retry is safe)");
        } else {
            posts.reschedule(post, clock.instant(), post.attempts());
        }
    }

    /** Publishing came too early (9007): look again after the poll delay, within the processing budget. */
    private void notReadyYet(Post post, GraphException cause) {
        Duration budget = post.hasVideo() ? settings.videoBudget() : settings.imageBudget();
        Instant now = clock.instant();
        if (post.status() == PostStatus.UNCONFIRMED) {
            posts.move(post, PostStatus.CONTAINERS_CREATED, now, null, null, "container still processing");
        } else if (post.phaseStartedAt() != null && now.isAfter(post.phaseStartedAt().plus(budget))) {
            failures.fail(post, cause == null ? new PostError(null, null, "not ready") : GraphFailureHandler.errorOf(cause),
                    "Instagram kept answering \"not ready\" for longer than " + budget);
        } else {
            posts.reschedule(post, now.plus(settings.pollDelay(post.attempts())), post.attempts() + 1);
        }
    }

    private void recreate(Post post, Container target, String why) {
        if (target.recreations() >= settings.maxRecreations()) {
            failures.fail(post, new PostError(null, null, why), why + " after " + target.recreations() + " recreation(s)");
            return;
        }
        posts.dropContainer(post.id(), target.position());
        if (target.isParent()) {
            posts.containers(post.id()).stream().filter(c -> !c.isParent())
                    .forEach(c -> posts.dropContainer(post.id(), c.position()));
        }
        posts.move(post, PostStatus.QUEUED, clock.instant(), null, null, why + "; creating the container again");
    }

    private void published(Post post, AccountConfig account, Container target, String mediaId, String detail) {
        Instant now = clock.instant();
        posts.recordPublished(post.id(), target.position(), mediaId, now);
        accounts.recordPublished(post.accountId(), now);
        String permalink = mediaId == null ? null : permalink(post, account, mediaId);
        if (permalink != null) {
            posts.recordPermalink(post.id(), target.position(), permalink);
        }
        if (nextTarget(post).isPresent()) {
            // Story posts: the next media follows, paced by the minimum interval.
            posts.reschedule(post, now, 0);
            log.info("post {} [{}]: {} ({})", post.id(), post.accountId(), detail, permalink);
        } else {
            posts.move(post, PostStatus.PUBLISHED, now, null, null, detail + (permalink == null ? "" : " " + permalink));
        }
    }

    /** A permalink is nice to have; failing to read it never fails a publish (DESIGN.md rule 4). */
    private String permalink(Post post, AccountConfig account, String mediaId) {
        try {
            return graph.permalink(account, mediaId);
        } catch (GraphException e) {
            log.warn("post {} [{}]: published as {}, permalink unreadable: {}", post.id(), post.accountId(), mediaId,
                    e.getMessage());
            return null;
        }
    }

    private Optional<Container> nextTarget(Post post) {
        ContainerPlan plan = ContainerPlan.of(post, settings.shareToFeed(), json);
        List<Integer> targets = (plan.isCarousel() ? List.of(plan.parent()) : plan.items()).stream()
                .filter(ContainerPlan.Spec::publishTarget).map(ContainerPlan.Spec::position).toList();
        return posts.containers(post.id()).stream()
                .filter(c -> targets.contains(c.position()) && !c.isPublished())
                .findFirst();
    }
}
