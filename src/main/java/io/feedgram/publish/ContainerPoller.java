package io.feedgram.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.account.AccountConfig;
import io.feedgram.account.Accounts;
import io.feedgram.graph.ContainerStatus;
import io.feedgram.graph.ErrorClass;
import io.feedgram.graph.GraphClient;
import io.feedgram.graph.GraphException;
import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostError;
import io.feedgram.post.PostRepository;
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

    private final PostRepository posts;
    private final Accounts accounts;
    private final GraphClient graph;
    private final GraphFailureHandler failures;
    private final PublishingProperties settings;
    private final ObjectMapper json;
    private final Clock clock;

    public ContainerPoller(PostRepository posts, Accounts accounts, GraphClient graph, GraphFailureHandler failures,
                           PublishingProperties settings, ObjectMapper json, Clock clock) {
        this.posts = posts;
        this.accounts = accounts;
        this.graph = graph;
        this.failures = failures;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public void poll(Post post) {
        AccountConfig account = accounts.find(post.accountId()).orElseThrow();
        ContainerPlan plan = ContainerPlan.of(post, settings.shareToFeed(), json);
        for (Container container : posts.containers(post.id())) {
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
                // Meta's status reads can fail while publishing works (graph-api.md §4): go on,
                // media_publish answers "not ready" (9007) if the container is not.
                status = new ContainerStatus(UNKNOWN, e.getMessage());
            }
            posts.saveContainerStatus(post.id(), container.position(), status.code(), status.text());
            if (status.isDead()) {
                recreate(post, container, status);
                return;
            }
        }
        List<Container> containers = posts.containers(post.id());
        boolean itemsDone = containers.stream().filter(c -> !c.isParent()).allMatch(ContainerPoller::isDone);
        if (plan.isCarousel() && itemsDone && containers.stream().noneMatch(c -> c.isParent() && c.containerId() != null)) {
            createParent(post, account, plan, containers);
            return;
        }
        if (itemsDone && containers.stream().allMatch(ContainerPoller::isDone)) {
            posts.move(post, PostStatus.READY, clock.instant(), null, null, "Instagram finished processing");
            return;
        }
        waitOrGiveUp(post);
    }

    private void createParent(Post post, AccountConfig account, ContainerPlan plan, List<Container> children) {
        try {
            String id = graph.createContainer(account, plan.parentParameters(
                    children.stream().filter(c -> !c.isParent()).map(Container::containerId).toList()));
            posts.saveContainer(post.id(), Container.PARENT, id);
            posts.reschedule(post, clock.instant().plus(settings.pollInitialDelay()), post.attempts());
        } catch (GraphException e) {
            failures.handle(post, e, "creating the carousel container");
        }
    }

    private void recreate(Post post, Container dead, ContainerStatus status) {
        String what = "container " + dead.containerId() + " ended " + status.code() + " (" + status.text() + ")";
        if (dead.recreations() >= settings.maxRecreations()) {
            failures.fail(post, new PostError(null, status.errorSubcode(), what),
                    what + " after " + dead.recreations() + " recreation(s)");
            return;
        }
        posts.dropContainer(post.id(), dead.position());
        if (!dead.isParent()) {
            posts.dropContainer(post.id(), Container.PARENT);  // a parent lists its children's ids
        }
        posts.move(post, PostStatus.QUEUED, clock.instant(), null, null, what + "; creating it again");
    }

    private void waitOrGiveUp(Post post) {
        Duration budget = post.hasVideo() ? settings.videoBudget() : settings.imageBudget();
        Instant now = clock.instant();
        if (post.phaseStartedAt() != null && now.isAfter(post.phaseStartedAt().plus(budget))) {
            failures.fail(post, new PostError(null, null, "Instagram did not finish processing the media within " + budget),
                    "processing took longer than " + budget);
            return;
        }
        posts.reschedule(post, now.plus(settings.pollDelay(post.attempts())), post.attempts() + 1);
    }

    static boolean isDone(Container c) {
        return "FINISHED".equals(c.status()) || "PUBLISHED".equals(c.status()) || UNKNOWN.equals(c.status());
    }
}
