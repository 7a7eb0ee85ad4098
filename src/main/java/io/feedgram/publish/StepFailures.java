package io.feedgram.publish;

import java.time.Clock;

import io.feedgram.post.Post;
import io.feedgram.post.PostContainers;
import io.feedgram.post.PostError;
import io.feedgram.post.PostLeases;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostTransitions;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A step that failed in an unexpected way: try the post again later, give up after the retry budget. */
@Component
public class StepFailures {

    private static final Logger log = LoggerFactory.getLogger(StepFailures.class);

    private final PostRepository posts;
    private final PostContainers containers;
    private final PostLeases leases;
    private final PostTransitions transitions;
    private final PublishingProperties settings;
    private final Clock clock;

    public StepFailures(PostRepository posts, PostContainers containers, PostLeases leases, PostTransitions transitions,
                        PublishingProperties settings, Clock clock) {
        this.posts = posts;
        this.containers = containers;
        this.leases = leases;
        this.transitions = transitions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records the failure on the post; the route releases the claim afterwards. */
    public void onUnexpected(@Variable("post") Post claimed, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        Post post = posts.find(claimed.id()).orElse(claimed);
        log.error("post {} [{}] step failed in {}: {}", post.id(), post.accountId(), post.status(), failure.toString(), failure);
        if (post.status() != claimed.status()) {
            return;                                   // another step moved it meanwhile
        }
        // A post that may already be live is never failed (an operator retry would post it twice).
        boolean mayBeLive = containers.of(post.id()).stream()
                .anyMatch(c -> c.publishStartedAt() != null || c.publishUncertain() || c.isPublished());
        if (post.attempts() >= settings.maxRetries() && !mayBeLive) {
            transitions.fail(post, new PostError(null, null, "internal error: " + failure.getMessage()),
                    "gave up after " + (post.attempts() + 1) + " unexpected failures: " + failure);
        } else {
            leases.reschedule(post, clock.instant().plus(settings.retryDelay(post.attempts())), post.attempts() + 1);
        }
    }
}
