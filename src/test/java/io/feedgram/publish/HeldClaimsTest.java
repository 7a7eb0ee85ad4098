package io.feedgram.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.feedgram.post.Post;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostStatus;
import org.junit.jupiter.api.Test;

class HeldClaimsTest {

    private static final Instant T = Instant.parse("2026-11-29T09:00:00Z");

    private final HeldClaims held = new HeldClaims(new LeaseHeartbeat(null, null, null, null));

    private static Post post(String id) {
        return new Post(id, "acct", PostKind.FEED, "x", List.of(), null, "inbox", null, PostStatus.CONTAINERS_CREATED, null, T, 0,
                T, null, T, "w:" + id);
    }

    @Test
    void heldPostsComeBackWhenDueEarliestFirstAndNoMoreThanAsked() {
        held.hold(post("late"), T.plusSeconds(3));
        held.hold(post("early"), T.plusSeconds(1));
        held.hold(post("middle"), T.plusSeconds(2));

        assertThat(held.due(T, 10)).as("none due yet").isEmpty();
        assertThat(held.nextDue()).contains(T.plusSeconds(1));
        assertThat(held.due(T.plusSeconds(5), 2)).extracting(Post::id).containsExactly("early", "middle");
        assertThat(held.due(T.plusSeconds(5), 2)).extracting(Post::id).containsExactly("late");
        assertThat(held.nextDue()).isEmpty();
    }

    @Test
    void theDispatcherIsToldOfEachHoldUntilItStops() {
        AtomicInteger told = new AtomicInteger();
        held.notify(told::incrementAndGet);
        held.hold(post("a"), T);
        held.notify(null);
        held.hold(post("b"), T);
        held.clear();

        assertThat(told).hasValue(1);
        assertThat(held.due(T, 10)).as("cleared").isEmpty();
    }
}
