package io.feedgram.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/), read as feed readers read it: the
 * version may be written short ({@code "1.1"}), over http, with a trailing slash, or left out by a
 * document that has an {@code items} array.
 */
final class JsonFeedReader {

    /** The version URL without scheme and trailing slash, or the bare number; group 1 is the number. */
    private static final Pattern VERSION = Pattern.compile("(?:https?://(?:www\\.)?jsonfeed\\.org/version/)?([^/]+)/?");

    private final ObjectMapper json = new ObjectMapper();
    private final MediaExtractor media;

    JsonFeedReader(MediaExtractor media) {
        this.media = media;
    }

    List<FeedEntry> entries(String body, String feedUrl) {
        JsonNode feed = parse(body);
        JsonNode items = feed.get("items");
        if (items == null || !items.isArray()) {
            throw invalid("\"items\" must be an array");
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw invalid("item " + (i + 1) + " is not an object");
            }
            entries.add(entry(item, feed, feedUrl));
        }
        return entries;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new FeedProblem(FeedProblem.EMPTY);
        }
        JsonNode feed;
        try {
            feed = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new FeedProblem(FeedProblem.describe(e));
        }
        if (!feed.isObject()) {
            throw invalid("the document is not a JSON object");
        }
        String version = text(feed, "version");
        if (version == null && !feed.path("items").isArray()) {
            throw invalid("neither a \"version\" nor an \"items\" array");
        }
        if (version != null && !isVersion1(version.trim())) {
            throw invalid("version \"" + version + "\" is not JSON Feed 1.0 or 1.1");
        }
        return feed;
    }

    private static boolean isVersion1(String version) {
        Matcher number = VERSION.matcher(version);
        return number.matches() && (number.group(1).equals("1") || number.group(1).startsWith("1."));
    }

    private FeedEntry entry(JsonNode item, JsonNode feed, String feedUrl) {
        String link = Urls.absolute(text(item, "url"), feedUrl);
        String contentHtml = text(item, "content_html");
        String contentText = text(item, "content_text");
        String content = contentHtml != null ? contentHtml : contentText == null ? null : Html.fromText(contentText);
        List<String> html = contentHtml == null ? List.of() : List.of(contentHtml);
        return new FeedEntry(FeedReader.firstText(text(item, "id"), link), link, text(item, "title"),
                text(item, "summary"), content, FeedReader.firstText(authorOf(item), authorOf(feed)), tags(item),
                published(item), media.fromJsonItem(item, FeedReader.firstText(link, feedUrl), html));
    }

    /** 1.1 has an {@code authors} array; 1.0 a single {@code author}. */
    private static String authorOf(JsonNode node) {
        for (JsonNode author : node.path("authors")) {
            String name = text(author, "name");
            if (name != null) {
                return name;
            }
        }
        return text(node.path("author"), "name");
    }

    private static List<String> tags(JsonNode item) {
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode tag : item.path("tags")) {
            if (tag.isValueNode()) {
                FeedReader.addText(tags, tag.asText());
            }
        }
        return List.copyOf(tags);
    }

    /** RFC 3339 dates; an unreadable date is treated as absent rather than failing the feed. */
    private static Instant published(JsonNode item) {
        String date = FeedReader.firstText(text(item, "date_published"), text(item, "date_modified"));
        try {
            return date == null ? null : OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A string, number or boolean field as text; null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()
                ? null : value.asText();
    }

    private static FeedProblem invalid(String what) {
        return new FeedProblem("invalid JSON Feed: " + what);
    }
}
