package io.feedgram.publish;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphException;
import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostError;
import io.feedgram.post.PostStatus;
import org.springframework.stereotype.Component;

/**
 * QUEUED → CONTAINERS_CREATED: creates the item containers of a post, recording each id the
 * moment Instagram returns it, so a crash never creates the same container twice. (A
 * carousel's parent is created once its children are processed; see {@link ContainerPoller}.)
 */
@Component("containerCreator")
public class ContainerCreator {

    private final PublishContext context;

    public ContainerCreator(PublishContext context) {
        this.context = context;
    }

    public void createContainers(Post post) {
        Optional<GraphCredentials> account = context.accounts().find(post.accountId());
        if (account.isEmpty()) {
            context.failures().fail(post, new PostError(null, null, "account " + post.accountId() + " is not configured"),
                    "unknown account");
            return;
        }
        ContainerPlan plan;
        try {
            plan = context.plan(post);
        } catch (ContainerPlan.Unpublishable e) {
            context.failures().fail(post, new PostError(null, null, e.getMessage()), "cannot be published: " + e.getMessage());
            return;
        }
        Map<Integer, Container> existing = context.posts().containers(post.id()).stream()
                .collect(Collectors.toMap(Container::position, Function.identity()));
        for (ContainerPlan.Spec item : plan.items()) {
            Container known = existing.get(item.position());
            if (known != null && known.containerId() != null) {
                continue;
            }
            if (!context.posts().holdLease(post, context.clock().instant().plus(context.settings().lease()))) {
                return;                                   // the claim was lost; its new holder carries on
            }
            try {
                context.posts().saveContainer(post.id(), item.position(), context.graph().createContainer(account.get(), item.parameters()));
            } catch (GraphException e) {
                context.failures().handle(post, e, "creating container " + (item.position() + 1) + " of " + plan.items().size());
                return;
            }
        }
        List<String> ids = context.posts().containers(post.id()).stream().map(Container::containerId).filter(id -> id != null).toList();
        context.posts().move(post, PostStatus.CONTAINERS_CREATED, context.clock().instant().plus(context.settings().pollInitialDelay()), null, null,
                "containers " + ids + " created");
    }
}
