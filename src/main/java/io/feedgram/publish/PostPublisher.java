package io.feedgram.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.feedgram.account.AccountState;
import io.feedgram.account.AccountCredentials;
import io.feedgram.account.AccountStates;
import io.feedgram.graph.ContainerStatus;
import io.feedgram.graph.ErrorClass;
import io.feedgram.graph.GraphClient;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphException;
import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostContainers;
import io.feedgram.post.PostError;
import io.feedgram.post.PostLeases;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostStatus;
import io.feedgram.post.PostTransitions;
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

    /**
     * Another replica is publishing for the account, or this instance's publish took longer than {@link #TURN_WAIT}.
     * Claims skip READY posts of an account whose lock is held and the lock's release wakes the dispatcher, so this is
     * only the race of two replicas' claims.
     */
    private static final Duration LOCK_BUSY_RETRY = Duration.ofMillis(100);
    /**
     * How long a post waits for another post of its account that this instance is publishing. Its posts under way
     * tend to be ready together; without the wait each would try the database lock, lose, and come back.
     */
    private static final Duration TURN_WAIT = Duration.ofSeconds(2);

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
    private final QuotaCheck quota;
    private final PollSchedule schedule;
    private final PublishingProperties settings;
    private final Clock clock;
    /** Per account, this instance's publishes one at a time, first come first served; the database lock is for replicas. */
    private final Map<String, ReentrantLock> turns = new ConcurrentHashMap<>();

    public PostPublisher(PostRepository posts, PostContainers containers, PostLeases leases, PostTransitions transitions,
                         PublishReconciler reconciler, ContainerProcessing processing, AccountCredentials credentials, AccountStates states, GraphClient graph,
                         GraphFailureHandler failures, QuotaCheck quota, PollSchedule schedule, PublishingProperties settings,
                         Clock clock) {
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
        this.quota = quota;
        this.schedule = schedule;
        this.settings = settings;
        this.clock = clock;
    }

    /** Publishes the next unpublished target of a READY post (a story post has one per media). */
    public void publish(Post claimed) {
        ReentrantLock turn = turns.computeIfAbsent(claimed.accountId(), account -> new ReentrantLock(true));
        if (!waitForTurn(turn)) {
            tryAgainSoon(claimed);
            return;
        }
        Runnable afterLock;
        try {
            afterLock = publishWithLock(claimed);
        } finally {
            turn.unlock();
        }
        if (afterLock != null) {
            afterLock.run();
        }
    }

    /** Another publish of the account holds it up: the post stays READY and is looked at again shortly. */
    private void tryAgainSoon(Post claimed) {
        leases.reschedule(claimed, clock.instant().plus(LOCK_BUSY_RETRY), claimed.attempts());
    }

    private static boolean waitForTurn(ReentrantLock turn) {
        try {
            return turn.tryLock(TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Under the account's publish lock, if it is free; answers what is left once the lock is released, or null. */
    private Runnable publishWithLock(Post claimed) {
        Instant now = clock.instant();
        // The claim's token owns the lock, so the lease heartbeat renews both together.
        String lock = claimed.leaseOwner();
        if (lock == null || !states.tryStartPublish(claimed.accountId(), lock, now.plus(settings.lease()))) {
            tryAgainSoon(claimed);
            return null;
        }
        try {
            // Under the lock, with the state as it is now, not as it was when the post was claimed.
            Post post = posts.find(claimed.id()).filter(p -> p.status() == PostStatus.READY
                    && claimed.leaseOwner() != null && claimed.leaseOwner().equals(p.leaseOwner())).orElse(null);
            return post != null && leases.holdLease(post, now.plus(settings.lease())) ? publishUnderLock(post) : null;
        } finally {
            states.endPublish(claimed.accountId(), lock);
        }
    }

    /** Answers what is left to do once the lock is released (reading the new media's permalink), or null. */
    private Runnable publishUnderLock(Post post) {
        GraphCredentials account = credentials.require(post.accountId());
        Optional<Container> next = reconciler.nextTarget(post);
        if (next.isEmpty()) {
            transitions.advance(post, PostStatus.PUBLISHED, clock.instant(), "all media published");
            return null;
        }
        Container target = next.get();
        Instant now = clock.instant();
        Instant last = states.state(post.accountId()).map(AccountState::lastPublishedAt).orElse(null);
        if (last != null && last.plus(settings.minInterval()).isAfter(now)) {
            leases.reschedule(post, last.plus(settings.minInterval()), post.attempts());
            return null;
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
                return null;
            }
            if (!status.isFinished()) {
                reconciler.settle(post, account, target, status, why);
                return null;
            }
        }
        if (quota.deferredForQuota(post, account)) {
            return null;
        }
        containers.markPublishStarted(post.id(), target.position(), clock.instant());
        String mediaId;
        try {
            mediaId = graph.publish(account, target.containerId());
        } catch (GraphException e) {
            onPublishFailure(post, account, target, e);
            return null;
        }
        if (schedule.presumesReady(post)) {
            schedule.observed(post, schedule.phase(post, List.of(target)), true);
        }
        reconciler.published(post, target, mediaId, "published as media " + mediaId);
        // The permalink is nice to have and needs no lock: the account's next publish need not wait for it.
        return () -> reconciler.recordPermalink(post, account, target, mediaId);
    }

    /**
     * 9007: not ready. A post published without reading its status first (adaptive polling) that is
     * refused a third time has its container read, in case it died (ERROR, EXPIRED) and must be created anew.
     */
    private void notReady(Post post, GraphCredentials account, Container target, GraphException e) {
        if (schedule.presumesReady(post)) {
            schedule.observed(post, schedule.phase(post, List.of(target)), false);
            if (post.attempts() >= 2) {
                try {
                    ContainerStatus status = graph.containerStatus(account, target.containerId());
                    containers.saveStatus(post.id(), target.position(), status.code(), status.text());
                    if (status.isDead()) {
                        reconciler.settle(post, account, target, status, "publish refused as not ready");
                        return;
                    }
                } catch (GraphException unreadable) {
                    // Waiting and publishing again is what an unreadable status leads to anyway.
                }
            }
        }
        reconciler.notReadyYet(post, GraphFailureHandler.errorOf(e));
    }

    private void onPublishFailure(Post post, GraphCredentials account, Container target, GraphException e) {
        ErrorClass kind = failures.classify(e);
        boolean refusedOutright = kind == ErrorClass.NOT_READY || kind == ErrorClass.QUOTA_EXHAUSTED
                || kind == ErrorClass.AUTH || kind == ErrorClass.FIX_INPUT || kind == ErrorClass.RECREATE_CONTAINER;
        if (refusedOutright && !target.publishUncertain()) {
            // A first attempt that Instagram refused outright published nothing.
            containers.clearPublishStarted(post.id(), target.position());
            if (kind == ErrorClass.QUOTA_EXHAUSTED) {
                quota.refusedForQuota(post);
            }
            switch (kind) {
                case NOT_READY -> notReady(post, account, target, e);
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
