package io.feedgram.publish;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.account.Accounts;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphClient;
import io.feedgram.post.Post;
import io.feedgram.post.PostRepository;
import org.springframework.stereotype.Component;

/** What every publishing step works with: the posts, the accounts, Instagram, the policy and the time. */
@Component
public record PublishContext(
        PostRepository posts,
        Accounts accounts,
        GraphClient graph,
        GraphFailureHandler failures,
        PublishingProperties settings,
        ObjectMapper json,
        Clock clock) {

    public ContainerPlan plan(Post post) {
        return ContainerPlan.of(post, settings.shareToFeed(), json);
    }

    /** The post's account; a post whose account left the configuration fails its step loudly. */
    public GraphCredentials account(Post post) {
        return accounts.find(post.accountId()).orElseThrow(
                () -> new IllegalStateException("account " + post.accountId() + " is not configured"));
    }
}
