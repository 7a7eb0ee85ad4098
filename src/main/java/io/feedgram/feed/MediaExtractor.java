package io.feedgram.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;

import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;

/**
 * Finds the images and videos of an entry, from the most explicit source to the least: Media RSS,
 * enclosures (RSS {@code <enclosure>} and Atom {@code link rel="enclosure"}, which Rome reports
 * alike), JSON Feed attachments and image, then {@code <img>} and {@code <video>} in the HTML.
 */
final class MediaExtractor {

    List<MediaItem> fromSyndEntry(SyndEntry entry, String baseUrl, List<String> html) {
        MediaCandidates candidates = new MediaCandidates(baseUrl);
        if (entry.getModule(MediaModule.URI) instanceof MediaEntryModule mediaRss) {
            addMediaRss(mediaRss, candidates);
        }
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            addByMime(enclosure.getUrl(), enclosure.getType(), null, candidates);
        }
        html.forEach(fragment -> addFromHtml(fragment, candidates));
        return candidates.items();
    }

    List<MediaItem> fromJsonItem(JsonNode item, String baseUrl, List<String> html) {
        MediaCandidates candidates = new MediaCandidates(baseUrl);
        for (JsonNode attachment : item.path("attachments")) {
            addByMime(JsonFeedReader.text(attachment, "url"), JsonFeedReader.text(attachment, "mime_type"),
                    JsonFeedReader.text(attachment, "title"), candidates);
        }
        candidates.offer(JsonFeedReader.text(item, "image"), MediaType.IMAGE, null, null, null);
        html.forEach(fragment -> addFromHtml(fragment, candidates));
        return candidates.items();
    }

    private static void addMediaRss(MediaEntryModule module, MediaCandidates candidates) {
        for (MediaContent content : module.getMediaContents()) {
            addMediaContent(content, List.of(content.getMetadata(), module.getMetadata()), candidates);
        }
        for (MediaGroup group : module.getMediaGroups()) {
            for (MediaContent content : group.getContents()) {
                addMediaContent(content, List.of(content.getMetadata(), group.getMetadata(), module.getMetadata()),
                        candidates);
            }
        }
    }

    /** Metadata is searched innermost first: the content's own, then its group's, then the entry's. */
    private static void addMediaContent(MediaContent content, List<Metadata> metadata, MediaCandidates candidates) {
        if (content.getReference() == null) {
            return;
        }
        String medium = content.getMedium() == null ? "" : content.getMedium().toLowerCase(Locale.ROOT);
        MediaType type = switch (medium) {
            case "image" -> MediaType.IMAGE;
            case "video" -> MediaType.VIDEO;
            case "" -> MediaCandidates.typeFromMime(content.getType());
            default -> null;
        };
        if (type == null && (!medium.isEmpty() || MediaCandidates.isAudio(content.getType()))) {
            return;
        }
        candidates.offer(content.getReference().toString(), type, altText(metadata), content.getWidth(),
                content.getHeight());
    }

    private static String altText(List<Metadata> metadata) {
        List<Metadata> present = metadata.stream().filter(m -> m != null).toList();
        return present.stream().map(Metadata::getDescription).filter(MediaExtractor::hasText).findFirst()
                .orElseGet(() -> present.stream().map(Metadata::getTitle).filter(MediaExtractor::hasText)
                        .findFirst().orElse(null));
    }

    private static void addByMime(String url, String mime, String altText, MediaCandidates candidates) {
        if (!MediaCandidates.isAudio(mime)) {
            candidates.offer(url, MediaCandidates.typeFromMime(mime), altText, null, null);
        }
    }

    private static void addFromHtml(String html, MediaCandidates candidates) {
        if (html == null || html.isBlank()) {
            return;
        }
        for (Element element : Jsoup.parseBodyFragment(html).select("img, video")) {
            if (candidates.isFull()) {
                return;
            }
            Integer width = dimension(element, "width");
            Integer height = dimension(element, "height");
            if (element.nameIs("img")) {
                candidates.offer(largestSource(element), MediaType.IMAGE, element.attr("alt"), width, height);
            } else {
                List<String> sources = new ArrayList<>();
                sources.add(element.attr("src"));
                element.select("source").forEach(source -> sources.add(source.attr("src")));
                sources.stream().filter(src -> !src.isBlank()).findFirst()
                        .ifPresent(src -> candidates.offer(src, MediaType.VIDEO, null, width, height));
            }
        }
    }

    /** The widest candidate of {@code srcset} when it names widths (WordPress lists the original there). */
    private static String largestSource(Element img) {
        List<String[]> candidates = new ArrayList<>();
        for (String candidate : img.attr("srcset").split(",")) {
            String[] parts = candidate.trim().split("\\s+");
            if (parts.length == 2 && parts[1].matches("\\d+w")) {
                candidates.add(parts);
            }
        }
        return candidates.stream()
                .max(Comparator.comparingInt(parts -> Integer.parseInt(parts[1].substring(0, parts[1].length() - 1))))
                .map(parts -> parts[0])
                .orElse(img.attr("src"));
    }

    private static Integer dimension(Element element, String attribute) {
        String value = element.attr(attribute).trim().replaceFirst("px$", "");
        return value.matches("\\d{1,6}") ? Integer.valueOf(value) : null;
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
