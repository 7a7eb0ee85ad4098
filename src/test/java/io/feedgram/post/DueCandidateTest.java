package io.feedgram.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DueCandidateTest {

    private static final Instant T = Instant.parse("2026-11-29T09:00:00Z");

    private static DueCandidate queued(String id, String account, int second) {
        return new DueCandidate(id, account, "QUEUED", 4, T.plusSeconds(second));
    }

    @Test
    void startedPostsComeBeforeNewOnesWhateverTheirDueTime() {
        DueCandidate ready = new DueCandidate("ready", "a", "READY", 1, T.plusSeconds(30));
        DueCandidate created = new DueCandidate("created", "b", "CONTAINERS_CREATED", 2, T);
        assertThat(DueCandidate.choose(List.of(queued("q", "c", 0), created, ready), Map.of(), 3, 2))
                .containsExactly("ready", "created");
    }

    @Test
    void anAccountBeginsNoMorePostsThanItHasRoomFor() {
        List<DueCandidate> candidates = List.of(queued("a1", "a", 1), queued("a2", "a", 2), queued("a3", "a", 3),
                queued("b1", "b", 4), queued("b2", "b", 5));
        // a has two under way already and room for one more; b has room for three.
        assertThat(DueCandidate.choose(candidates, Map.of("a", 2), 3, 10)).containsExactly("a1", "b1", "b2");
    }

    @Test
    void aDeferredPostThatHadNotStartedCountsAsANewOne() {
        DueCandidate deferred = new DueCandidate("d", "a", "QUEUED", 3, T);
        assertThat(DueCandidate.choose(List.of(deferred, queued("a1", "a", 1)), Map.of("a", 2), 3, 10))
                .containsExactly("d");
    }

    @Test
    void theLimitHolds() {
        List<DueCandidate> candidates = List.of(queued("a1", "a", 1), queued("b1", "b", 2), queued("c1", "c", 3));
        assertThat(DueCandidate.choose(candidates, Map.of(), 3, 2)).containsExactly("a1", "b1");
    }

    @Test
    void inListsArePaddedToAPowerOfTwoWithTheLastValue() {
        assertThat(PostLeases.padded(List.of("a"))).containsExactly("a");
        assertThat(PostLeases.padded(List.of("a", "b", "c"))).containsExactly("a", "b", "c", "c");
        assertThat(PostLeases.padded(List.of("a", "b", "c", "d"))).containsExactly("a", "b", "c", "d");
        assertThat(PostLeases.padded(List.of("a", "b", "c", "d", "e"))).hasSize(8).endsWith("e", "e", "e", "e");
    }
}
