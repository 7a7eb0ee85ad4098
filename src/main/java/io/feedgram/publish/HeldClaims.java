package io.feedgram.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import io.feedgram.post.Post;
import org.springframework.stereotype.Component;

/**
 * Claims this instance keeps between two steps of a post whose next step is due soon (a container
 * being processed, the account's publish lock busy for a moment): the post stays leased to this
 * instance, the lease heartbeat renews it, and the dispatcher hands it to a worker when it is due,
 * without releasing it and claiming it again. Only the claim is kept, never a thread; the database
 * still holds the post's state and due time, so after a crash the lease runs out and any replica
 * takes the post over.
 */
@Component
public class HeldClaims {

    private record Held(Post post, Instant dueAt) {
    }

    private final PriorityQueue<Held> queue = new PriorityQueue<>((a, b) -> a.dueAt().compareTo(b.dueAt()));
    private final LeaseHeartbeat heartbeat;
    private final Runnable noWake = () -> { };
    private volatile Runnable onHold = noWake;

    public HeldClaims(LeaseHeartbeat heartbeat) {
        this.heartbeat = heartbeat;
    }

    /** The dispatcher, told when a claim is held, as it may be due before the dispatcher planned to look again. */
    void notify(Runnable onHold) {
        this.onHold = onHold == null ? noWake : onHold;
    }

    /** Keeps the claim on {@code post} (its lease renewed) until {@code dueAt}. */
    void hold(Post post, Instant dueAt) {
        heartbeat.hold(post.leaseOwner());
        synchronized (queue) {
            queue.add(new Held(post, dueAt));
        }
        onHold.run();
    }

    /**
     * Up to {@code limit} held posts due by {@code now}, earliest first, taken out of the queue; their leases stay
     * held for the worker, which lets go of them when its step is over.
     */
    List<Post> due(Instant now, int limit) {
        List<Post> due = new ArrayList<>();
        synchronized (queue) {
            while (due.size() < limit && !queue.isEmpty() && !queue.peek().dueAt().isAfter(now)) {
                due.add(queue.poll().post());
            }
        }
        return due;
    }

    /** When the earliest held post falls due, if any is held. */
    Optional<Instant> nextDue() {
        synchronized (queue) {
            return Optional.ofNullable(queue.peek()).map(Held::dueAt);
        }
    }

    /** Forgets every held claim (the instance stops and releases its claims in the database). */
    void clear() {
        synchronized (queue) {
            queue.forEach(held -> heartbeat.letGo(held.post().leaseOwner()));
            queue.clear();
        }
    }
}
