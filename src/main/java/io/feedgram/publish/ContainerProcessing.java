package io.feedgram.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostContainers;
import io.feedgram.post.PostError;
import io.feedgram.post.PostLeases;
import io.feedgram.post.PostStatus;
import io.feedgram.post.PostTransitions;
import org.springframework.stereotype.Component;

/**
 * The two rules for Instagram's processing of containers, wherever a step meets it (polling,
 * publishing, reconciling): how long a post may stay in processing, and what a dead container
 * takes with it when it is created anew.
 */
@Component
public class ContainerProcessing {

    private final PostContainers containers;
    private final PostLeases leases;
    private final PostTransitions transitions;
    private final PollSchedule schedule;
    private final PublishingProperties settings;
    private final Clock clock;

    public ContainerProcessing(PostContainers containers, PostLeases leases, PostTransitions transitions,
                               PollSchedule schedule, PublishingProperties settings, Clock clock) {
        this.containers = containers;
        this.leases = leases;
        this.transitions = transitions;
        this.schedule = schedule;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Still processing: look again after the poll delay, or fail the post once its processing
     * budget (longer with a video) is spent; {@code error} is Instagram's, if it answered.
     */
    void waitOrFail(Post post, PostError error, String what) {
        Duration budget = post.hasVideo() ? settings.videoBudget() : settings.imageBudget();
        Instant now = clock.instant();
        if (post.phaseStartedAt() != null && now.isAfter(post.phaseStartedAt().plus(budget))) {
            String detail = what + " for longer than " + budget;
            transitions.fail(post, error == null ? new PostError(null, null, detail) : error, detail);
            return;
        }
        Duration wait = schedule.nextLook(schedule.phase(post, containers.of(post.id())));
        leases.reschedule(post, now.plus(wait), post.attempts() + 1);
    }

    /**
     * Forgets a dead container so that the post creates it anew, a bounded number of times. A
     * carousel's parent and children go together: the parent lists its children's ids, and the
     * children are as old as their parent and expire with it.
     */
    void recreate(Post post, Container dead, PostError error, String why) {
        if (dead.recreations() >= settings.maxRecreations()) {
            transitions.fail(post, error, why + " after " + dead.recreations() + " recreation(s)");
            return;
        }
        containers.drop(post.id(), dead.position());
        containers.of(post.id()).stream().filter(c -> c.isParent() != dead.isParent())
                .forEach(c -> containers.drop(post.id(), c.position()));
        transitions.advance(post, PostStatus.QUEUED, clock.instant(), why + "; creating the container again");
    }
}
