package io.feedgram.feed;

import io.feedgram.post.InstagramLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fits a feed's caption in {@link InstagramLimits}: characters, hashtags and @mentions. Hashtags and
 * mentions beyond the limit are dropped; a text that is too long is cut at a word boundary with an
 * ellipsis, never inside a URL, a hashtag or a mention.
 */
final class CaptionLimits {

    static final String ELLIPSIS = "…";

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:\\-–—]+$");

    private CaptionLimits() {
    }

    /** Drops every hashtag and every mention beyond Instagram's limits, leaving web addresses whole. */
    static String dropExcessTags(String text) {
        String tagged = dropBeyond(text, InstagramLimits.HASHTAG, InstagramLimits.MAX_HASHTAGS);
        return Html.tidyLines(dropBeyond(tagged, InstagramLimits.MENTION, InstagramLimits.MAX_MENTIONS));
    }

    /** Cuts {@code text} to at most {@code max} characters, ellipsis included. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int limit = max - ELLIPSIS.length();
        int cut = limit;
        while (cut > 0 && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        if (cut == 0) {
            // one word longer than the whole caption: cut it, unless it is a URL, tag or mention
            cut = insideProtected(text, limit) ? 0 : limit;
        }
        String kept = TRAILING_PUNCTUATION.matcher(text.substring(0, cut)).replaceFirst("");
        return kept + ELLIPSIS;
    }

    private static boolean insideProtected(String text, int index) {
        return protectedSpans(text).stream().anyMatch(span -> span[0] < index && index < span[1]);
    }

    private static List<int[]> protectedSpans(String text) {
        List<int[]> spans = new ArrayList<>(InstagramLimits.spans(text, InstagramLimits.URL));
        spans.addAll(InstagramLimits.spans(text, InstagramLimits.HASHTAG));
        spans.addAll(InstagramLimits.spans(text, InstagramLimits.MENTION));
        return spans;
    }

    /** {@code text} without the {@code token}s after the first {@code max} outside web addresses. */
    private static String dropBeyond(String text, Pattern token, int max) {
        List<int[]> counted = InstagramLimits.outsideUrls(text, token);
        StringBuilder kept = new StringBuilder();
        int copied = 0;
        for (int[] excess : counted.subList(Math.min(max, counted.size()), counted.size())) {
            kept.append(text, copied, excess[0]);
            copied = excess[1];
            if (copied < text.length() && text.charAt(copied) == ' ') {
                copied++;
            }
        }
        return kept.append(text.substring(copied)).toString();
    }
}
