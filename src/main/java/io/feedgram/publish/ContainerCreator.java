package io.feedgram.publish;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.account.AccountConfig;
import io.feedgram.account.Accounts;
import io.feedgram.graph.GraphClient;
import io.feedgram.graph.GraphException;
import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostError;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostStatus;
import org.springframework.stereotype.Component;

/**
 * QUEUED → CONTAINERS_CREATED: creates the item containers of a post, recording each id the
 * moment Instagram returns it, so a crash never creates the same container twice. (A
 * carousel's parent is created once its children are processed; see {@link ContainerPoller}.)
 */
@Component("containerCreator")
public class ContainerCreator {

    private final PostRepository posts;
    private final Accounts accounts;
    private final GraphClient graph;
    private final GraphFailureHandler failures;
    private final PublishingProperties settings;
    private final ObjectMapper json;
    private final Clock clock;

    public ContainerCreator(PostRepository posts, Accounts accounts, GraphClient graph, GraphFailureHandler failures,
                            PublishingProperties settings, ObjectMapper json, Clock clock) {
        this.posts = posts;
        this.accounts = accounts;
        this.graph = graph;
        this.failures = failures;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public void createContainers(Post post) {
        Optional<AccountConfig> account = accounts.find(post.accountId());
        if (account.isEmpty()) {
            failures.fail(post, new PostError(null, null, "account " + post.accountId() + " is not configured"),
                    "unknown account");
            return;
        }
        ContainerPlan plan;
        try {
            plan = ContainerPlan.of(post, settings.shareToFeed(), json);
        } catch (ContainerPlan.Unpublishable e) {
            failures.fail(post, new PostError(null, null, e.getMessage()), "cannot be published: " + e.getMessage());
            return;
        }
        Map<Integer, Container> existing = posts.containers(post.id()).stream()
                .collect(Collectors.toMap(Container::position, Function.identity()));
        for (ContainerPlan.Spec item : plan.items()) {
            Container known = existing.get(item.position());
            if (known != null && known.containerId() != null) {
                continue;
            }
            try {
                posts.saveContainer(post.id(), item.position(), graph.createContainer(account.get(), item.parameters()));
            } catch (GraphException e) {
                failures.handle(post, e, "creating container " + (item.position() + 1) + " of " + plan.items().size());
                return;
            }
        }
        List<String> ids = posts.containers(post.id()).stream().map(Container::containerId).filter(id -> id != null).toList();
        posts.move(post, PostStatus.CONTAINERS_CREATED, clock.instant().plus(settings.pollInitialDelay()), null, null,
                "containers " + ids + " created");
    }
}
