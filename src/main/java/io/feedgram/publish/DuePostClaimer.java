package io.feedgram.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.feedgram.account.AccountStates;
import io.feedgram.post.Post;
import io.feedgram.post.PostLeases;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostStatus;
import io.feedgram.post.PostTransitions;
import io.feedgram.post.PostsDue;
import org.apache.camel.Variable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Hands the pipeline the posts that are due, each under a lease held by this instance, so
 * that no other worker or replica touches the post until the step is done or the lease runs
 * out (a crashed worker's posts are picked up again after it). Each claim has its own token,
 * so a late worker can neither release nor extend a claim that is no longer its own.
 */
@Component
public class DuePostClaimer {

    /** A next step due this soon runs at once under the same claim rather than after a release and a new claim. */
    static final Duration DUE_NOW = Duration.ofMillis(5);
    /**
     * A next step due within this is waited for under the same claim ({@link HeldClaims}): an image's container, a
     * busy publish lock. Later ones (a video being processed) are released for whichever replica is free then.
     */
    static final Duration HOLD_AHEAD = Duration.ofSeconds(10);

    private final PostRepository posts;
    private final PostLeases leases;
    private final PostTransitions transitions;
    private final AccountStates states;
    private final PublishingProperties settings;
    private final HeldClaims held;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    public DuePostClaimer(PostRepository posts, PostLeases leases, PostTransitions transitions, AccountStates states,
                          PublishingProperties settings, HeldClaims held, ApplicationEventPublisher events, Clock clock) {
        this.held = held;
        this.events = events;
        this.posts = posts;
        this.leases = leases;
        this.transitions = transitions;
        this.states = states;
        this.settings = settings;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due posts in one statement, started posts first (see {@link PostLeases#claim}). */
    public List<Post> claim(int limit) {
        Instant now = clock.instant();
        String token = instance + ":" + Long.toString(System.nanoTime(), 36) + ":";
        return posts.findAll(leases.claim(token, limit, settings.containersAhead(), now, now.plus(settings.lease())));
    }

    /** When the next unleased post falls due, if any is waiting. */
    public Optional<Instant> nextDue() {
        return leases.nextDueAfter(clock.instant());
    }

    /**
     * After a step: the post as it is now when its next step is due at once and the claim is still
     * ours (so it goes on without a new claim). When the next step is due within {@link #HOLD_AHEAD},
     * the claim is held until then and the answer is null; otherwise the claim is released.
     */
    public Post continuation(@Variable("post") Post post) {
        Post now = stillOurs(post);
        Instant at = clock.instant();
        if (now != null && !now.dueAt().isAfter(at.plus(DUE_NOW))) {
            return now;
        }
        if (now != null && !now.dueAt().isAfter(at.plus(HOLD_AHEAD))) {
            held.hold(now, now.dueAt());
            return null;
        }
        release(post);
        return null;
    }

    /** A held claim fell due: the post as it is now, or null (released) when it moved on meanwhile (cancelled, say). */
    public Post resumeHeld(Post post) {
        Post now = stillOurs(post);
        if (now == null) {
            release(post);
        }
        return now;
    }

    private Post stillOurs(Post post) {
        Post now = posts.find(post.id()).orElse(null);
        return now != null && post.leaseOwner() != null && post.leaseOwner().equals(now.leaseOwner())
                && PostStatus.ACTIVE.contains(now.status()) ? now : null;
    }

    /** A deferred post that fell due goes back to the step it was waiting in; returns it as it is now. */
    public Post endDeferral(@Variable("post") Post post) {
        transitions.resume(post, "deferral over, back to " + post.resumesIn());
        return posts.find(post.id()).orElseThrow();
    }

    /**
     * Ends the claim on {@code post}: the next step is picked up at its due time by whoever claims it. Its account may
     * have room for another post now, so the dispatcher is told to look.
     */
    public void release(@Variable("post") Post post) {
        leases.release(post);
        events.publishEvent(new PostsDue(post.id()));
    }

    /** Lets go of every post and account publish lock this instance still holds (it is stopping); answers how many. */
    public int releaseAll() {
        return leases.releaseAll(instance + ":") + states.releasePublishLocks(instance + ":");
    }
}
