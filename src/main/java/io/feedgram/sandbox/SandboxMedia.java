package io.feedgram.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The media published in the sandbox, per IG user, oldest first. */
@SandboxBean
final class SandboxMedia {

    private final Map<String, PublishedMedia> byId = new LinkedHashMap<>();

    synchronized void add(PublishedMedia media) {
        byId.put(media.id(), media);
    }

    synchronized Optional<PublishedMedia> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized Optional<PublishedMedia> findOwned(String id, String owner) {
        return Optional.ofNullable(byId.get(id)).filter(m -> m.owner().equals(owner));
    }

    /** The owner's media, newest first, as {@code GET /{ig-user-id}/media} lists them. */
    synchronized List<PublishedMedia> newestFirst(String owner) {
        List<PublishedMedia> owned = new ArrayList<>();
        byId.values().stream().filter(m -> m.owner().equals(owner)).forEach(m -> owned.add(0, m));
        return owned;
    }

    /** All media grouped by owner, oldest first. */
    synchronized Map<String, List<PublishedMedia>> byOwner() {
        Map<String, List<PublishedMedia>> grouped = new LinkedHashMap<>();
        byId.values().forEach(m -> grouped.computeIfAbsent(m.owner(), o -> new ArrayList<>()).add(m));
        return grouped;
    }

    synchronized void clear() {
        byId.clear();
    }
}
