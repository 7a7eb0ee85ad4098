package io.feedgram.media;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A carousel decided as a whole: one decision per child, in order, and the ratio every image
 * child is brought to (null when no child is an image).
 */
public record CarouselDecision(List<MediaDecision> children, Ratio commonRatio, String countProblem) {

    public boolean refused() {
        return countProblem != null || children.stream().anyMatch(MediaDecision.Refuse.class::isInstance);
    }

    /** One sentence naming every bad child ("item 2: ...; item 4: ..."), or null when none is bad. */
    public String reason() {
        if (countProblem != null) {
            return countProblem;
        }
        String problems = IntStream.range(0, children.size())
                .filter(i -> children.get(i) instanceof MediaDecision.Refuse)
                .mapToObj(i -> "item " + (i + 1) + ": " + ((MediaDecision.Refuse) children.get(i)).reason())
                .collect(Collectors.joining("; "));
        return problems.isEmpty() ? null : problems;
    }
}
