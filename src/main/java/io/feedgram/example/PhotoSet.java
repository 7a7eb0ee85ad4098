package io.feedgram.example;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files of a watched folder that make one post: {@code photo.jpg}, or {@code trip-1.jpg} ...
 * {@code trip-3.jpg} in number order (a carousel), with the caption read from {@code photo.txt}
 * or {@code trip.txt} when there is one ({@code null} otherwise). {@code key} is its idempotency
 * key: its name and its files' names, sizes and modification times, so the same files handed to
 * Feedgram again (after a crash, or when they cannot be moved away) make no second post, while
 * new files under the same name make a new one.
 */
public record PhotoSet(Path folder, String name, List<Path> media, Path captionFile, String caption, String key) {

    /** Every file of the set, the caption's included: what is moved when the set is done. */
    public List<Path> files() {
        return files(media, captionFile);
    }

    static List<Path> files(List<Path> media, Path captionFile) {
        return captionFile == null ? List.copyOf(media) : Stream.concat(media.stream(), Stream.of(captionFile)).toList();
    }
}
