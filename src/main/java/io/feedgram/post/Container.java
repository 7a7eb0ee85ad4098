package io.feedgram.post;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One Instagram container of a post as recorded: items at position 0..n-1, a carousel
 * parent at {@link #PARENT}. {@code publishStartedAt} is written before media_publish so
 * that a crash in between is detected and reconciled instead of publishing twice;
 * {@code publishUncertain} stays set once an attempt's outcome was unknown, so that every
 * later attempt reads the container before publishing. {@code createdAt} is when Instagram
 * returned its id (null for containers recorded before Feedgram kept it).
 */
public record Container(
        int position,
        String containerId,
        String status,
        String statusDetail,
        int recreations,
        Instant publishStartedAt,
        boolean publishUncertain,
        String mediaId,
        String permalink,
        Instant publishedAt,
        Instant createdAt) {

    public static final int PARENT = -1;

    public boolean isPublished() {
        return publishedAt != null;
    }

    public boolean isParent() {
        return position == PARENT;
    }

    /** A carousel's parent among a post's containers, once Instagram has returned its id. */
    public static Optional<Container> createdParent(List<Container> containers) {
        return containers.stream().filter(c -> c.isParent() && c.containerId() != null).findFirst();
    }
}
