package io.feedgram.post;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The life of a post (docs/architecture.md#post-states). The allowed moves are a table, so a
 * forbidden move is a bug caught at once rather than a post stuck in a strange state.
 */
public enum PostStatus {
    QUEUED, CONTAINERS_CREATED, READY, PUBLISHED,
    DEFERRED, FAILED, SKIPPED, UNCONFIRMED, NEEDS_REAUTH, CANCELLED;

    /** States the publishing pipeline picks up when they fall due. */
    public static final Set<PostStatus> ACTIVE = EnumSet.of(QUEUED, CONTAINERS_CREATED, READY, DEFERRED, UNCONFIRMED);

    private static final Map<PostStatus, Set<PostStatus>> MOVES = Map.of(
            QUEUED, EnumSet.of(CONTAINERS_CREATED, DEFERRED, FAILED, NEEDS_REAUTH, CANCELLED, SKIPPED),
            // back to QUEUED when a container must be recreated
            CONTAINERS_CREATED, EnumSet.of(QUEUED, READY, DEFERRED, FAILED, NEEDS_REAUTH),
            // back to CONTAINERS_CREATED when Instagram answers "not ready" (9007)
            READY, EnumSet.of(PUBLISHED, UNCONFIRMED, CONTAINERS_CREATED, QUEUED, DEFERRED, FAILED, NEEDS_REAUTH),
            DEFERRED, EnumSet.of(QUEUED, CONTAINERS_CREATED, READY, FAILED, NEEDS_REAUTH, CANCELLED),
            // reconciling reads the container: published, safe to retry, still processing, or gone
            UNCONFIRMED, EnumSet.of(PUBLISHED, READY, CONTAINERS_CREATED, QUEUED, FAILED, NEEDS_REAUTH),
            NEEDS_REAUTH, EnumSet.of(QUEUED, CONTAINERS_CREATED, READY, UNCONFIRMED, CANCELLED),
            // only an operator's retry brings a failed post back
            FAILED, EnumSet.of(QUEUED),
            PUBLISHED, EnumSet.noneOf(PostStatus.class),
            SKIPPED, EnumSet.noneOf(PostStatus.class),
            CANCELLED, EnumSet.noneOf(PostStatus.class));

    /** The names of {@code statuses}, as the status column stores them (an SQL {@code in} list). */
    static List<String> names(Set<PostStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    public boolean isTerminal() {
        return MOVES.get(this).isEmpty() || this == FAILED;
    }

    public boolean canMoveTo(PostStatus next) {
        return MOVES.get(this).contains(next);
    }
}
