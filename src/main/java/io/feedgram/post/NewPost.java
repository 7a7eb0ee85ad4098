package io.feedgram.post;

import java.time.Instant;
import java.util.List;

/**
 * A post to be queued. {@code sourceKey}, when set, makes the submission idempotent: a second
 * post with the same key is not created. {@code publishAt} null means now.
 */
public record NewPost(
        String accountId,
        PostKind kind,
        String caption,
        List<MediaItem> media,
        PostOptions options,
        String source,
        String sourceKey,
        Instant publishAt) {
}
