package io.feedgram.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.ContainerStatus;
import io.feedgram.graph.ErrorClass;
import io.feedgram.graph.GraphException;
import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostError;
import io.feedgram.post.PostStatus;
import org.springframework.stereotype.Component;

/**
 * CONTAINERS_CREATED → READY: reads the status of every container that is not yet
 * FINISHED (the carousel parent too, created here once its children are done), then looks
 * again later with backoff; nothing waits on a thread meanwhile. A dead container (ERROR,
 * EXPIRED) is created anew a bounded number of times.
 */
@Component("containerPoller")
public class ContainerPoller {

    /** Status of a container that could not be read (100/33 outages); publish will tell. */
    static final String UNKNOWN = "UNKNOWN";

    private final PublishContext context;

    public ContainerPoller(PublishContext context) {
        this.context = context;
    }

    public void poll(Post post) {
        GraphCredentials account = context.account(post);
        ContainerPlan plan = context.plan(post);
        for (Container container : context.posts().containers(post.id())) {
            if (container.containerId() == null || isDone(container)) {
                continue;
            }
            ContainerStatus status;
            try {
                status = context.graph().containerStatus(account, container.containerId());
            } catch (GraphException e) {
                if (context.failures().classify(e) != ErrorClass.UNREADABLE) {
                    context.failures().handle(post, e, "reading container " + container.containerId());
                    return;
                }
                // Meta's status reads can fail while publishing works (docs/instagram.md#container-status): go on,
                // media_publish answers "not ready" (9007) if the container is not.
                status = new ContainerStatus(UNKNOWN, e.getMessage());
            }
            context.posts().saveContainerStatus(post.id(), container.position(), status.code(), status.text());
            if (status.isPublished()) {
                // Published by an attempt we could not confirm: the publish step must read before acting.
                context.posts().markPublishUncertain(post.id(), container.position());
            }
            if (status.isDead()) {
                recreate(post, container, status);
                return;
            }
        }
        List<Container> containers = context.posts().containers(post.id());
        boolean itemsDone = containers.stream().filter(c -> !c.isParent()).allMatch(ContainerPoller::isDone);
        if (plan.isCarousel() && itemsDone && containers.stream().noneMatch(c -> c.isParent() && c.containerId() != null)) {
            createParent(post, account, plan, containers);
            return;
        }
        if (itemsDone && containers.stream().allMatch(ContainerPoller::isDone)) {
            context.posts().move(post, PostStatus.READY, context.clock().instant(), null, null, "Instagram finished processing");
            return;
        }
        waitOrGiveUp(post);
    }

    private void createParent(Post post, GraphCredentials account, ContainerPlan plan, List<Container> children) {
        if (!context.posts().holdLease(post, context.clock().instant().plus(context.settings().lease()))) {
            return;                                       // the claim was lost; its new holder carries on
        }
        try {
            String id = context.graph().createContainer(account, plan.parentParameters(
                    children.stream().filter(c -> !c.isParent()).map(Container::containerId).toList()));
            context.posts().saveContainer(post.id(), Container.PARENT, id);
            context.posts().reschedule(post, context.clock().instant().plus(context.settings().pollInitialDelay()), post.attempts());
        } catch (GraphException e) {
            context.failures().handle(post, e, "creating the carousel container");
        }
    }

    private void recreate(Post post, Container dead, ContainerStatus status) {
        String what = "container " + dead.containerId() + " ended " + status.code() + " (" + status.text() + ")";
        if (dead.recreations() >= context.settings().maxRecreations()) {
            context.failures().fail(post, new PostError(null, status.errorSubcode(), what),
                    what + " after " + dead.recreations() + " recreation(s)");
            return;
        }
        context.posts().dropContainer(post.id(), dead.position());
        if (!dead.isParent()) {
            context.posts().dropContainer(post.id(), Container.PARENT);  // a parent lists its children's ids
        }
        context.posts().move(post, PostStatus.QUEUED, context.clock().instant(), null, null, what + "; creating it again");
    }

    private void waitOrGiveUp(Post post) {
        Duration budget = post.hasVideo() ? context.settings().videoBudget() : context.settings().imageBudget();
        Instant now = context.clock().instant();
        if (post.phaseStartedAt() != null && now.isAfter(post.phaseStartedAt().plus(budget))) {
            context.failures().fail(post, new PostError(null, null, "Instagram did not finish processing the media within " + budget),
                    "processing took longer than " + budget);
            return;
        }
        context.posts().reschedule(post, now.plus(context.settings().pollDelay(post.attempts())), post.attempts() + 1);
    }

    static boolean isDone(Container c) {
        return "FINISHED".equals(c.status()) || "PUBLISHED".equals(c.status()) || UNKNOWN.equals(c.status());
    }
}
