package io.feedgram.post;

import java.time.Instant;
import java.util.List;

/** A post as stored: what to publish, where it stands, and Instagram's last refusal if any. */
public record Post(
        String id,
        String accountId,
        PostKind kind,
        String caption,
        List<MediaItem> media,
        PostOptions options,
        String source,
        PostStatus status,
        PostStatus resumeStatus,
        Instant dueAt,
        int attempts,
        Instant phaseStartedAt,
        PostError error,
        Instant createdAt) {

    public boolean hasVideo() {
        return media.stream().anyMatch(m -> m.type() == MediaType.VIDEO);
    }
}
