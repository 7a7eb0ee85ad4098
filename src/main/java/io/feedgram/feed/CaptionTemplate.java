package io.feedgram.feed;

import io.feedgram.post.InstagramLimits;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Renders an Instagram caption for a feed entry from a template with the placeholders
 * {@code {title} {summary} {content} {link} {author} {hashtags}}, within Instagram's limits.
 */
@Component
public final class CaptionTemplate {

    static final String DEFAULT_TEMPLATE = "{title}\n\n{summary}\n\n{link}\n\n{hashtags}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(title|summary|content|link|author|hashtags)}");
    /** When a caption is too long, the longest of these is shortened first, so link and tags survive. */
    private static final Set<String> BODY = Set.of("title", "summary", "content");

    public String render(String template, FeedEntry entry) {
        String source = template == null ? DEFAULT_TEMPLATE : template;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", Html.toText(entry.title()));
        values.put("content", Html.toText(entry.content()));
        values.put("summary", summaryOf(entry, source, values.get("content")));
        values.put("link", orEmpty(entry.link()));
        values.put("author", orEmpty(entry.author()));
        values.put("hashtags", ""); // rendered once without tags, to see which tags the text already has
        values.put("hashtags", hashtags(entry, tagsIn(fill(source, values))));

        String caption = CaptionLimits.dropExcessTags(Html.tidyLines(fill(source, values)));
        int excess = caption.length() - InstagramLimits.MAX_CAPTION;
        if (excess > 0) {
            caption = shortenLongestBody(source, values, excess);
        }
        return CaptionLimits.truncate(caption, InstagramLimits.MAX_CAPTION);
    }

    private static String shortenLongestBody(String source, Map<String, String> values, int excess) {
        String longest = BODY.stream().filter(name -> source.contains("{" + name + "}"))
                .max((a, b) -> Integer.compare(values.get(a).length(), values.get(b).length())).orElse(null);
        if (longest == null || values.get(longest).length() <= excess + CaptionLimits.ELLIPSIS.length()) {
            return CaptionLimits.dropExcessTags(Html.tidyLines(fill(source, values)));
        }
        Map<String, String> shortened = new HashMap<>(values);
        String body = values.get(longest);
        shortened.put(longest, CaptionLimits.truncate(body, body.length() - excess));
        return CaptionLimits.dropExcessTags(Html.tidyLines(fill(source, shortened)));
    }

    /**
     * One hashtag per category, letters and digits only ("beach days" becomes #beachdays), without
     * repeats and without the tags the rest of the caption already carries.
     */
    private static String hashtags(FeedEntry entry, Set<String> alreadyPresent) {
        Set<String> seen = new TreeSet<>(alreadyPresent);
        return entry.categories().stream()
                .map(category -> "#" + category.replaceAll("[^\\p{L}\\p{M}\\p{N}_]", ""))
                .filter(tag -> tag.length() > 1 && seen.add(tag.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(" "));
    }

    private static Set<String> tagsIn(String text) {
        Set<String> tags = new TreeSet<>();
        Matcher matcher = InstagramLimits.HASHTAG.matcher(text);
        while (matcher.find()) {
            tags.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return tags;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        return matcher.appendTail(filled).toString();
    }

    /**
     * The summary, else the content when the template does not show the content anyway: JSON Feed
     * and many RSS feeds have no summary, and the default template would lose the whole text.
     */
    private static String summaryOf(FeedEntry entry, String template, String content) {
        String summary = Html.toText(entry.summary());
        return summary.isEmpty() && !template.contains("{content}") ? content : summary;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.trim();
    }
}
