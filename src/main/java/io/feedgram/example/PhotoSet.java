package io.feedgram.example;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files of a watched folder that make one post: {@code photo.jpg}, or {@code trip-1.jpg} ...
 * {@code trip-3.jpg} in number order (a carousel), with the caption read from {@code photo.txt}
 * or {@code trip.txt} when there is one ({@code null} otherwise).
 */
public record PhotoSet(Path folder, String name, List<Path> media, Path captionFile, String caption) {

    /** Every file of the set, the caption's included: what is moved when the set is done. */
    public List<Path> files() {
        return captionFile == null ? media : Stream.concat(media.stream(), Stream.of(captionFile)).toList();
    }
}
