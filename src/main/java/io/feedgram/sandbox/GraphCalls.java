package io.feedgram.sandbox;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the Graph calls the sandbox answered, per method and path shape ({@code GET /{container-id}},
 * {@code POST /{ig-user-id}/media}, ...), so a benchmark can tell how many calls a post costs and which ones.
 * Ids are replaced by what they name ({@code {page-id}} on graph.facebook.com), or the counts would be one per post.
 */
@SandboxBean
final class GraphCalls {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final SandboxContainers containers;
    private final SandboxMedia media;
    private final FacebookPages pages;

    GraphCalls(SandboxContainers containers, SandboxMedia media, FacebookPages pages) {
        this.containers = containers;
        this.media = media;
        this.pages = pages;
    }

    /** Counts one call; {@code token} is null when the call was not authenticated. */
    void record(GraphHost host, String method, List<String> path, AccessToken token) {
        String owner = token == null ? null : token.igUserId();
        String page = token == null || host != GraphHost.FACEBOOK ? null : pages.linkedPageId(token).orElse(null);
        StringBuilder shape = new StringBuilder(host.name().toLowerCase(java.util.Locale.ROOT))
                .append(' ').append(method.toUpperCase(java.util.Locale.ROOT)).append(' ');
        for (int i = 0; i < path.size(); i++) {
            shape.append('/').append(i > 0 ? path.get(i) : path.get(0).equals(page) ? "{page-id}" : node(path.get(0), owner));
        }
        counts.computeIfAbsent(shape.toString(), k -> new LongAdder()).increment();
    }

    /** The counts so far, sorted by shape. */
    Map<String, Long> snapshot() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((shape, count) -> sorted.put(shape, count.sum()));
        return sorted;
    }

    void clear() {
        counts.clear();
    }

    private String node(String id, String owner) {
        if (owner == null || id.equals("me")) {
            return id.chars().allMatch(Character::isDigit) ? "{id}" : id;
        }
        if (id.equals(owner)) {
            return "{ig-user-id}";
        }
        if (containers.findOwned(id, owner).isPresent()) {
            return "{container-id}";
        }
        return media.findOwned(id, owner).isPresent() ? "{media-id}" : "{id}";
    }
}
