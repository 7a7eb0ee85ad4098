package io.feedgram.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A media container as created by {@code POST /{ig-user-id}/media} (docs/instagram.md#sandbox).
 * Immutable: the store replaces it when its media check completes or it is published.
 */
record Container(
        String id,
        String owner,
        ContainerKind kind,
        boolean video,
        boolean carouselItem,
        Map<String, String> params,
        List<String> children,
        Instant createdAt,
        MediaCheck mediaCheck,
        String publishedMediaId) {

    Container {
        params = Map.copyOf(params);
        children = List.copyOf(children);
    }

    Container withMediaCheck(MediaCheck check) {
        return new Container(id, owner, kind, video, carouselItem, params, children, createdAt, check, publishedMediaId);
    }

    Container publishedAs(String mediaId) {
        return new Container(id, owner, kind, video, carouselItem, params, children, createdAt, mediaCheck, mediaId);
    }

    boolean published() {
        return publishedMediaId != null;
    }
}
