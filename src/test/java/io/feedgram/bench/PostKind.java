package io.feedgram.bench;

import java.util.List;

/**
 * The kinds of post the benchmark publishes, what each is made of, and the fewest Graph calls that publish it and
 * read its permalink: one create per container, one status read for a container whose processing a client cannot
 * wait out blindly (a video, a carousel parent), the publish and the permalink read. An image is published without a
 * status read: it is ready within about a second, and a publish that comes too early is refused, not lost.
 */
enum PostKind {
    IMAGE("FEED", "ok.jpg"),
    REEL("REEL", "clip.mp4"),
    CAROUSEL("FEED", "ok.jpg", "ok.jpg", "ok.jpg"),
    STORY("STORY", "story.jpg");

    final String apiKind;
    final List<String> media;

    PostKind(String apiKind, String... media) {
        this.apiKind = apiKind;
        this.media = List.of(media);
    }

    /** image and story 3; reel 4; a carousel of n images n + 4 (n + 1 creates, a status read, publish, permalink). */
    int minimumCalls() {
        return switch (this) {
            case IMAGE, STORY -> 3;
            case REEL -> 4;
            case CAROUSEL -> media.size() + 4;
        };
    }

    String label() {
        return this == CAROUSEL ? "carousel of " + media.size() : name().toLowerCase(java.util.Locale.ROOT);
    }
}
