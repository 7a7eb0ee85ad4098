package io.feedgram.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.feedgram.account.AccountCredentials;
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
import org.springframework.stereotype.Component;

/**
 * CONTAINERS_CREATED → READY: reads the status of every item container that is not yet
 * FINISHED, then creates a carousel's parent and reads only the parent, whose status covers its
 * children; looks again later with backoff, nothing waits on a thread meanwhile. Under adaptive
 * polling a carousel of images gets its parent without its children being read
 * ({@link PollSchedule#presumesChildrenReady}). A dead container (ERROR, EXPIRED) is created anew
 * a bounded number of times.
 */
@Component
public class ContainerPoller {

    /** Status of a container that could not be read (100/33 outages); publish will tell. */
    static final String UNKNOWN = "UNKNOWN";

    private final AccountCredentials credentials;
    private final ContainerPlans plans;
    private final PostContainers containers;
    private final PostLeases leases;
    private final PostTransitions transitions;
    private final ContainerProcessing processing;
    private final GraphClient graph;
    private final GraphFailureHandler failures;
    private final PollSchedule schedule;
    private final PublishingProperties settings;
    private final Clock clock;

    public ContainerPoller(AccountCredentials credentials, ContainerPlans plans, PostContainers containers, PostLeases leases,
                           PostTransitions transitions, ContainerProcessing processing, GraphClient graph,
                           GraphFailureHandler failures, PollSchedule schedule, PublishingProperties settings, Clock clock) {
        this.credentials = credentials;
        this.plans = plans;
        this.containers = containers;
        this.leases = leases;
        this.transitions = transitions;
        this.processing = processing;
        this.graph = graph;
        this.failures = failures;
        this.schedule = schedule;
        this.settings = settings;
        this.clock = clock;
    }

    public void poll(Post post) {
        List<Container> before = containers.of(post.id());
        PollSchedule.Phase phase = schedule.phase(post, before);
        Duration early = schedule.stillToWait(phase);
        if (!early.isZero()) {
            // Posts of the same kind found meanwhile that processing takes longer: a look now would be wasted.
            leases.reschedule(post, clock.instant().plus(early), post.attempts());
            return;
        }
        if (schedule.presumesReady(post)) {
            transitions.advance(post, PostStatus.READY, clock.instant(),
                    "containers likely processed by now (adaptive polling, not read); media_publish will tell");
            return;
        }
        GraphCredentials account = credentials.require(post.accountId());
        ContainerPlan plan = plans.of(post);
        if (schedule.presumesChildrenReady(post, before) && createParent(post, account, plan, before, false)) {
            return;
        }
        for (Container container : watched(before)) {
            if (container.containerId() == null || isDone(container)) {
                continue;
            }
            ContainerStatus status;
            try {
                status = graph.containerStatus(account, container.containerId());
            } catch (GraphException e) {
                if (failures.classify(e) != ErrorClass.UNREADABLE) {
                    failures.handle(post, e, "reading container " + container.containerId());
                    return;
                }
                // Meta's status reads can fail while publishing works (docs/instagram.md#container-status): go on,
                // media_publish answers "not ready" (9007) if the container is not.
                status = new ContainerStatus(UNKNOWN, e.getMessage());
            }
            containers.saveStatus(post.id(), container.position(), status.code(), status.text());
            if (status.isPublished()) {
                // Published by an attempt we could not confirm: the publish step must read before acting.
                containers.markPublishUncertain(post.id(), container.position());
            }
            if (status.isDead()) {
                String what = "container " + container.containerId() + " ended " + status.code() + " (" + status.text() + ")";
                if (!"ERROR".equals(status.code()) || !failures.failsForGood(post, status.errorSubcode(), what)) {
                    processing.recreate(post, container, new PostError(null, status.errorSubcode(), what), what);
                }
                return;
            }
        }
        List<Container> current = containers.of(post.id());
        boolean done = watched(current).stream().allMatch(ContainerPoller::isDone);
        schedule.observed(post, phase, done);
        if (done && plan.isCarousel() && Container.createdParent(current).isEmpty()) {
            createParent(post, account, plan, current, true);
        } else if (done) {
            transitions.advance(post, PostStatus.READY, clock.instant(), "Instagram finished processing");
        } else {
            processing.waitOrFail(post, null, "Instagram kept processing the media");
        }
    }

    /**
     * Creates a carousel's parent. Answers false, having done nothing else, when Instagram refused it while the children
     * had not been read: perhaps one was still processing, so they are to be read as without the presumption.
     */
    private boolean createParent(Post post, GraphCredentials account, ContainerPlan plan, List<Container> current,
                                 boolean childrenRead) {
        if (!leases.holdLease(post, clock.instant().plus(settings.lease()))) {
            return true;                                  // the claim was lost; its new holder carries on
        }
        try {
            String id = graph.createContainer(account, plan.parentParameters(
                    current.stream().filter(c -> !c.isParent()).map(Container::containerId).toList()));
            containers.save(post.id(), Container.PARENT, id, clock.instant());
            leases.reschedule(post, clock.instant().plus(schedule.firstParentLook(post)), post.attempts());
        } catch (GraphException e) {
            ErrorClass kind = failures.classify(e);
            if (!childrenRead && (kind == ErrorClass.NOT_READY || kind == ErrorClass.FIX_INPUT
                    || kind == ErrorClass.RECREATE_CONTAINER)) {
                return false;
            }
            failures.handle(post, e, "creating the carousel container");
        }
        return true;
    }

    /** What is read: a carousel's parent once it exists (its status covers its children), else the items. */
    private static List<Container> watched(List<Container> current) {
        List<Container> parent = Container.createdParent(current).stream().toList();
        return parent.isEmpty() ? current.stream().filter(c -> !c.isParent()).toList() : parent;
    }

    static boolean isDone(Container c) {
        return "FINISHED".equals(c.status()) || "PUBLISHED".equals(c.status()) || UNKNOWN.equals(c.status());
    }
}
