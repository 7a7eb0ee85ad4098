package io.feedgram.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.feedgram.post.Post;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostStatus;
import org.springframework.stereotype.Component;

/**
 * Hands the pipeline the posts that are due, each under a lease held by this instance, so
 * that no other worker or replica touches the post until the step is done or the lease runs
 * out (a crashed worker's posts are picked up again after it).
 */
@Component("duePosts")
public class DuePostClaimer {

    private final PostRepository posts;
    private final PublishingProperties settings;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    public DuePostClaimer(PostRepository posts, PublishingProperties settings, Clock clock) {
        this.posts = posts;
        this.settings = settings;
        this.clock = clock;
    }

    public List<Post> claim() {
        Instant now = clock.instant();
        List<Post> claimed = new ArrayList<>();
        for (String id : posts.dueIds(now, settings.batchSize())) {
            if (posts.claim(id, owner, now, now.plus(settings.lease()))) {
                posts.find(id).map(this::endDeferral).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    public void release(Post post) {
        posts.release(post.id(), owner);
    }

    /** A deferred post that fell due goes back to the step it was waiting in. */
    private Post endDeferral(Post post) {
        if (post.status() != PostStatus.DEFERRED) {
            return post;
        }
        PostStatus resume = post.resumeStatus() == null ? PostStatus.QUEUED : post.resumeStatus();
        posts.move(post, resume, clock.instant(), null, null, "deferral over, back to " + resume);
        return posts.find(post.id()).orElseThrow();
    }
}
