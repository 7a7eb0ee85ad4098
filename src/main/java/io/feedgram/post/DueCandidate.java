package io.feedgram.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A due, unleased post the dispatcher may claim: its account, the stage it works towards (a DEFERRED post counts as
 * the state it goes back to) and its rank in the claim order (started posts before new ones).
 */
public record DueCandidate(String id, String accountId, String stage, int rank, Instant dueAt) {

    /**
     * Which candidates to claim: started posts first, then by due time; a post not yet begun (stage QUEUED) only while
     * its account has fewer than {@code ahead} posts under way, counting those {@code started} already and those this
     * choice begins. Answers at most {@code limit} ids.
     */
    public static List<String> choose(List<DueCandidate> candidates, Map<String, Integer> started, int ahead, int limit) {
        Map<String, Integer> underWay = new HashMap<>(started);
        List<String> chosen = new ArrayList<>();
        for (DueCandidate c : candidates.stream()
                .sorted(Comparator.comparingInt(DueCandidate::rank).thenComparing(DueCandidate::dueAt)).toList()) {
            if (chosen.size() == limit) {
                break;
            }
            boolean begins = c.stage().equals(PostStatus.QUEUED.name());
            if (!begins || underWay.getOrDefault(c.accountId(), 0) < ahead) {
                chosen.add(c.id());
                if (begins) {
                    underWay.merge(c.accountId(), 1, Integer::sum);
                }
            }
        }
        return chosen;
    }
}
