package io.feedgram.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.feedgram.post.Post;
import io.feedgram.post.PostLeases;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostTransitions;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/**
 * Hands the pipeline the posts that are due, each under a lease held by this instance, so
 * that no other worker or replica touches the post until the step is done or the lease runs
 * out (a crashed worker's posts are picked up again after it). Each claim has its own token,
 * so a late worker can neither release nor extend a claim that is no longer its own.
 */
@Component
public class DuePostClaimer {

    private final PostRepository posts;
    private final PostLeases leases;
    private final PostTransitions transitions;
    private final PublishingProperties settings;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    public DuePostClaimer(PostRepository posts, PostLeases leases, PostTransitions transitions,
                          PublishingProperties settings, Clock clock) {
        this.posts = posts;
        this.leases = leases;
        this.transitions = transitions;
        this.settings = settings;
        this.clock = clock;
    }

    public List<Post> claim() {
        Instant now = clock.instant();
        List<Post> claimed = new ArrayList<>();
        for (String id : leases.dueIds(now, settings.batchSize())) {
            String token = instance + ":" + UUID.randomUUID();
            if (!leases.claim(id, token, now, now.plus(settings.lease()))) {
                continue;
            }
            claimed.add(posts.find(id).orElseThrow());
        }
        return claimed;
    }

    /** A deferred post that fell due goes back to the step it was waiting in; returns it as it is now. */
    public Post endDeferral(@Variable("post") Post post) {
        transitions.resume(post, "deferral over, back to " + post.resumesIn());
        return posts.find(post.id()).orElseThrow();
    }

    /** Ends the claim on {@code post}: the next step is picked up at its due time by whoever claims it. */
    public void release(@Variable("post") Post post) {
        leases.release(post);
    }
}
