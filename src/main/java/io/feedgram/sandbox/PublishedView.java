package io.feedgram.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One published media as {@code GET /sandbox/_inspect/published} shows it: enough to assert "exactly once, with these
 * parameters", and, with {@code readyAt}, how long after its container was ready it was published.
 */
record PublishedView(
        String mediaId,
        String containerId,
        String mediaType,
        String mediaProductType,
        Map<String, String> params,
        List<Child> children,
        Instant readyAt,
        Instant publishedAt,
        String permalink) {

    record Child(String containerId, Map<String, String> params) {
    }

    static PublishedView of(PublishedMedia media) {
        return new PublishedView(media.id(), media.container().id(), media.mediaType(), media.mediaProductType(),
                media.params(),
                media.children().stream().map(c -> new Child(c.id(), c.params())).toList(),
                media.readyAt(), media.publishedAt(), media.permalink());
    }
}
