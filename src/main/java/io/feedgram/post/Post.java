package io.feedgram.post;

import java.time.Instant;
import java.util.List;

/**
 * A post as stored: what to publish, where it came from ({@code sourceKey}: the key that de-duplicated its
 * submission, a feed entry's or an inbox hash, if any), where it stands, Instagram's last refusal if any, and
 * the token of the claim that holds it (null when no worker does).
 */
public record Post(
        String id,
        String accountId,
        PostKind kind,
        String caption,
        List<MediaItem> media,
        PostOptions options,
        String source,
        String sourceKey,
        PostStatus status,
        PostStatus resumeStatus,
        Instant dueAt,
        int attempts,
        Instant phaseStartedAt,
        PostError error,
        Instant createdAt,
        String leaseOwner) {

    /** The state a waiting (DEFERRED or NEEDS_REAUTH) post goes back to. */
    public PostStatus resumesIn() {
        return resumeStatus == null ? PostStatus.QUEUED : resumeStatus;
    }

    /** The same post with other media, e.g. the copies Instagram is to fetch instead of the originals. */
    public Post withMedia(List<MediaItem> replaced) {
        return new Post(id, accountId, kind, caption, List.copyOf(replaced), options, source, sourceKey, status, resumeStatus, dueAt,
                attempts, phaseStartedAt, error, createdAt, leaseOwner);
    }

    public boolean hasVideo() {
        return media.stream().anyMatch(m -> m.type() == MediaType.VIDEO);
    }
}
