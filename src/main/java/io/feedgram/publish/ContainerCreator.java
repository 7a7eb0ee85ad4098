package io.feedgram.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.feedgram.account.AccountCredentials;
import io.feedgram.graph.GraphClient;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphException;
import io.feedgram.media.PreparedMedia;
import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostContainers;
import io.feedgram.post.PostError;
import io.feedgram.post.PostLeases;
import io.feedgram.post.PostStatus;
import io.feedgram.post.PostTransitions;
import org.springframework.stereotype.Component;

/**
 * QUEUED → CONTAINERS_CREATED: creates the item containers of a post, recording each id the
 * moment Instagram returns it, so that a restart goes on with the containers it finds. An id a
 * crash lost before it reached the database's file is never published: the post creates that
 * container again. (A carousel's parent is created once its children are processed; see
 * {@link ContainerPoller}.)
 */
@Component
public class ContainerCreator {

    private final AccountCredentials credentials;
    private final ContainerPlans plans;
    private final PostContainers containers;
    private final PostLeases leases;
    private final PostTransitions transitions;
    private final GraphClient graph;
    private final GraphFailureHandler failures;
    private final PreparedMedia prepared;
    private final PollSchedule schedule;
    private final PublishingProperties settings;
    private final Clock clock;

    public ContainerCreator(AccountCredentials credentials, ContainerPlans plans, PostContainers containers, PostLeases leases,
                            PostTransitions transitions, GraphClient graph, GraphFailureHandler failures,
                            PreparedMedia prepared, PollSchedule schedule, PublishingProperties settings, Clock clock) {
        this.credentials = credentials;
        this.plans = plans;
        this.containers = containers;
        this.leases = leases;
        this.transitions = transitions;
        this.graph = graph;
        this.failures = failures;
        this.prepared = prepared;
        this.schedule = schedule;
        this.settings = settings;
        this.clock = clock;
    }

    public void createContainers(Post post) {
        Optional<GraphCredentials> account = credentials.find(post.accountId());
        if (account.isEmpty()) {
            transitions.fail(post, new PostError(null, null, "account " + post.accountId() + " is not configured"),
                    "unknown account");
            return;
        }
        ContainerPlan plan;
        try {
            plan = plans.toCreate(post);
        } catch (ContainerPlan.Unpublishable e) {
            transitions.fail(post, new PostError(null, null, e.getMessage()), "cannot be published: " + e.getMessage());
            return;
        }
        Map<Integer, Container> existing = containers.of(post.id()).stream()
                .collect(Collectors.toMap(Container::position, Function.identity()));
        List<String> ids = new ArrayList<>();
        for (ContainerPlan.Spec item : plan.items()) {
            Container known = existing.get(item.position());
            if (known != null && known.containerId() != null) {
                ids.add(known.containerId());
                continue;
            }
            if (!leases.holdLease(post, clock.instant().plus(settings.lease()))) {
                return;                                   // the claim was lost; its new holder carries on
            }
            try {
                String id = graph.createContainer(account.get(), item.parameters());
                containers.save(post.id(), item.position(), id, clock.instant());
                ids.add(id);
            } catch (GraphException e) {
                failures.handle(post, e, "creating container " + (item.position() + 1) + " of " + plan.items().size());
                return;
            }
        }
        transitions.advance(post, PostStatus.CONTAINERS_CREATED, clock.instant().plus(schedule.firstLook(post)),
                "containers " + ids + " created" + prepared.conversions(post));
    }
}
