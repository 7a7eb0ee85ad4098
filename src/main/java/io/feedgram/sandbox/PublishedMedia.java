package io.feedgram.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A published IG media, what it was made from and when that container was ready (docs/instagram.md#sandbox). */
record PublishedMedia(
        String id,
        String owner,
        String ownerUsername,
        Container container,
        List<Container> children,
        String shortcode,
        Instant readyAt,
        Instant publishedAt) {

    PublishedMedia {
        children = List.copyOf(children);
    }

    String mediaType() {
        return container.kind().mediaType(container.video());
    }

    String mediaProductType() {
        return container.kind().mediaProductType();
    }

    /** Reels live under {@code /reel/}, everything else under {@code /p/} (docs/instagram.md#permalinks). */
    String permalink() {
        String section = container.kind() == ContainerKind.REELS ? "reel" : "p";
        return "https://www.instagram.com/" + section + "/" + shortcode + "/";
    }

    Map<String, String> params() {
        return container.params();
    }
}
