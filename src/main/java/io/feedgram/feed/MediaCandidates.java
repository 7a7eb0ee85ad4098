package io.feedgram.feed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;

/**
 * The media of one entry as they are found: resolves each URL, drops what Instagram cannot use or
 * what is not really content (data: URIs, tracking pixels, emoji-sized images), and keeps the first
 * ten distinct URLs in the order they were offered.
 */
final class MediaCandidates {

    static final int MAX_ITEMS = 10;
    /** Images smaller than this on either side are icons, emoji or spacers, not photographs. */
    private static final int MIN_SIDE = 100;
    private static final List<String> PIXEL_MARKERS = List.of("1x1", "spacer.gif");

    private final String baseUrl;
    private final Set<String> seen = new HashSet<>();
    private final List<MediaItem> items = new ArrayList<>();

    MediaCandidates(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Offers one media reference; type null means "decide from the file extension". */
    void offer(String url, MediaType type, String altText, Integer width, Integer height) {
        if (isFull() || isTiny(width) || isTiny(height)) {
            return;
        }
        String absolute = Urls.absolute(url, baseUrl);
        if (absolute == null || isTrackingPixel(absolute)) {
            return;
        }
        MediaType known = type != null ? type : typeFromExtension(absolute);
        if (known != null && seen.add(absolute)) {
            items.add(new MediaItem(absolute, known, blankToNull(altText)));
        }
    }

    boolean isFull() {
        return items.size() >= MAX_ITEMS;
    }

    List<MediaItem> items() {
        return List.copyOf(items);
    }

    /** The image or video type a MIME type names, or null for anything else (audio, documents). */
    static MediaType typeFromMime(String mime) {
        String lower = mime == null ? "" : mime.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("image/")) {
            return MediaType.IMAGE;
        }
        return lower.startsWith("video/") ? MediaType.VIDEO : null;
    }

    static boolean isAudio(String mime) {
        return mime != null && mime.trim().toLowerCase(Locale.ROOT).startsWith("audio/");
    }

    static MediaType typeFromExtension(String url) {
        String path = Urls.path(url);
        if (path.matches(".*\\.(jpe?g|png|webp|gif)")) {
            return MediaType.IMAGE;
        }
        return path.matches(".*\\.(mp4|mov|m4v|webm)") ? MediaType.VIDEO : null;
    }

    private static boolean isTiny(Integer side) {
        return side != null && side < MIN_SIDE;
    }

    private static boolean isTrackingPixel(String url) {
        String path = Urls.path(url);
        for (String segment : path.split("/")) {
            if (segment.equals("pixel") || segment.startsWith("pixel.")) {
                return true;
            }
        }
        return PIXEL_MARKERS.stream().anyMatch(path::contains);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
