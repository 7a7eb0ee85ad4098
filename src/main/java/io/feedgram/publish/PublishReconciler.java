package io.feedgram.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
import io.feedgram.post.PostStatus;
import io.feedgram.post.PostTransitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * UNCONFIRMED → PUBLISHED, and what any publish with an unknown outcome goes through: the
 * container is read, never published blindly. PUBLISHED means done, FINISHED means a retry is
 * safe, and an unreadable container leaves the post UNCONFIRMED.
 */
@Component
public class PublishReconciler {

    private static final Logger log = LoggerFactory.getLogger(PublishReconciler.class);

    private final ContainerPlans plans;
    private final PostContainers containers;
    private final PostLeases leases;
    private final PostTransitions transitions;
    private final ContainerProcessing processing;
    private final AccountCredentials credentials;
    private final AccountStates states;
    private final GraphClient graph;
    private final GraphFailureHandler failures;
    private final PublishingProperties settings;
    private final Clock clock;

    public PublishReconciler(ContainerPlans plans, PostContainers containers, PostLeases leases,
                             PostTransitions transitions, ContainerProcessing processing, AccountCredentials credentials, AccountStates states,
                             GraphClient graph, GraphFailureHandler failures, PublishingProperties settings, Clock clock) {
        this.plans = plans;
        this.containers = containers;
        this.leases = leases;
        this.transitions = transitions;
        this.processing = processing;
        this.credentials = credentials;
        this.states = states;
        this.graph = graph;
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    /** UNCONFIRMED: read the container of the publish whose outcome is unknown, once more. */
    public void reconcile(Post post) {
        Optional<Container> pending = containers.of(post.id()).stream()
                .filter(c -> c.publishUncertain() && !c.isPublished()).findFirst();
        if (pending.isEmpty()) {
            transitions.advance(post, PostStatus.READY, clock.instant(), "nothing left to reconcile");
            return;
        }
        GraphCredentials account = credentials.require(post.accountId());
        ContainerStatus status = readOrPark(post, account, pending.get(), null);
        if (status == null) {
            return;
        }
        if (status.isFinished()) {
            transitions.advance(post, PostStatus.READY, clock.instant(),
                    "reconciled: container still FINISHED, so nothing was published and a retry is safe");
        } else {
            settle(post, account, pending.get(), status, "reconciled");
        }
    }

    /**
     * Reads a container whose publish outcome is unknown; on failure the post waits UNCONFIRMED
     * (or NEEDS_REAUTH when the token died) and null is returned.
     */
    ContainerStatus readOrPark(Post post, GraphCredentials account, Container target, String why) {
        try {
            ContainerStatus status = graph.containerStatus(account, target.containerId());
            containers.saveStatus(post.id(), target.position(), status.code(), status.text());
            return status;
        } catch (GraphException unreadable) {
            if (failures.classify(unreadable) == ErrorClass.AUTH) {
                failures.handle(post, unreadable, "reading container " + target.containerId());
                return null;
            }
            Instant retryAt = clock.instant().plus(settings.reconcileInterval().plus(settings.retryDelay(post.attempts())));
            if (post.status() == PostStatus.UNCONFIRMED) {
                leases.reschedule(post, retryAt, post.attempts() + 1);
            } else {
                transitions.unconfirm(post, retryAt, GraphFailureHandler.errorOf(unreadable),
                        (why == null ? "publish outcome unknown" : why) + "; container " + target.containerId()
                                + " unreadable (" + unreadable.getMessage() + "); will read it again at " + retryAt
                                + ", never publish blindly");
            }
            return null;
        }
    }

    /** Acts on a container status that is not FINISHED: published, dead, or still processing. */
    void settle(Post post, GraphCredentials account, Container target, ContainerStatus status, String why) {
        if (status.isPublished()) {
            published(post, target, null, why + "; container reads PUBLISHED, so it was published");
        } else if (status.isDead()) {
            // ERROR and EXPIRED containers were never published.
            String what = why + "; container " + status.code();
            processing.recreate(post, target, new PostError(null, null, what), what);
        } else {
            notReadyYet(post, null);
        }
    }

    /** Publishing came too early (9007): look again after the poll delay, within the processing budget. */
    void notReadyYet(Post post, PostError error) {
        if (post.status() == PostStatus.UNCONFIRMED) {
            transitions.advance(post, PostStatus.CONTAINERS_CREATED, clock.instant(), "container still processing");
        } else {
            processing.waitOrFail(post, error, "Instagram kept answering \"not ready\"");
        }
    }

    void published(Post post, Container target, String mediaId, String detail) {
        Instant now = clock.instant();
        containers.recordPublished(post.id(), target.position(), mediaId, now);
        states.recordPublished(post.accountId(), now);
        if (nextTarget(post).isPresent()) {
            // Story posts: the next media follows, paced by the minimum interval.
            leases.reschedule(post, now, 0);
            log.info("post {} [{}]: {}", post.id(), post.accountId(), detail);
        } else {
            transitions.advance(post, PostStatus.PUBLISHED, now, detail);
        }
    }

    /** A permalink is nice to have; failing to read it never fails a publish (docs/architecture.md#permalink-is-optional). */
    void recordPermalink(Post post, GraphCredentials account, Container target, String mediaId) {
        try {
            String permalink = graph.permalink(account, mediaId);
            if (permalink != null) {
                containers.recordPermalink(post.id(), target.position(), permalink);
                log.info("post {} [{}]: media {} is at {}", post.id(), post.accountId(), mediaId, permalink);
            }
        } catch (RuntimeException e) {
            log.warn("post {} [{}]: published as {}, permalink unreadable: {}", post.id(), post.accountId(), mediaId,
                    e.getMessage());
        }
    }

    /** The post's next container to publish: the carousel parent, or the next unpublished item. */
    Optional<Container> nextTarget(Post post) {
        ContainerPlan plan = plans.of(post);
        List<Integer> targets = (plan.isCarousel() ? List.of(plan.parent()) : plan.items()).stream()
                .filter(ContainerPlan.Spec::publishTarget).map(ContainerPlan.Spec::position).toList();
        return containers.of(post.id()).stream()
                .filter(c -> targets.contains(c.position()) && !c.isPublished())
                .findFirst();
    }
}
