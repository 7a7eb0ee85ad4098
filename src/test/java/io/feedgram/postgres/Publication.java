package io.feedgram.postgres;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One media Instagram (the sandbox) published, as {@code /sandbox/_inspect/published} shows it, named by
 * what the test put in it: its caption, or for a story (which has none) the {@code t=} tag of its media URL.
 */
record Publication(String igUserId, String key, Instant publishedAt) {

    private static final Pattern TAG = Pattern.compile("[?&]t=([^&]+)");

    static List<Publication> all(JsonNode byOwner) {
        List<Publication> all = new ArrayList<>();
        byOwner.fields().forEachRemaining(owner -> owner.getValue().forEach(media -> all.add(new Publication(
                owner.getKey(), key(media.path("params")), Instant.parse(media.path("publishedAt").asText())))));
        return all;
    }

    /** The least time between two publishes of one account, over all accounts. */
    static Duration closestOfOneAccount(List<Publication> published) {
        return published.stream().collect(Collectors.groupingBy(Publication::igUserId)).values().stream()
                .flatMap(ofOne -> {
                    List<Instant> times = ofOne.stream().map(Publication::publishedAt).sorted().toList();
                    return IntStream.range(1, times.size()).mapToObj(i -> Duration.between(times.get(i - 1), times.get(i)));
                })
                .min(Comparator.naturalOrder()).orElse(Duration.ofDays(1));
    }

    /** How long after {@code after} the account next published. */
    static Duration next(List<Publication> published, String igUserId, Instant after) {
        return published.stream().filter(p -> p.igUserId().equals(igUserId) && p.publishedAt().isAfter(after))
                .map(p -> Duration.between(after, p.publishedAt())).min(Comparator.naturalOrder())
                .orElseThrow(() -> new AssertionError(igUserId + " never published after " + after));
    }

    private static String key(JsonNode params) {
        String caption = params.path("caption").asText("");
        if (!caption.isBlank()) {
            return caption.strip();
        }
        String url = params.path("image_url").asText(params.path("video_url").asText(""));
        Matcher tag = TAG.matcher(url);
        return tag.find() ? tag.group(1) : "untagged " + params;
    }
}
