package io.feedgram.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instagram's caption limits: 2,200 characters, 30 hashtags and 20 @mentions. Hashtags and
 * mentions beyond the limit are dropped; a text that is too long is cut at a word boundary with an
 * ellipsis, never inside a URL, a hashtag or a mention.
 */
final class CaptionLimits {

    static final int MAX_CHARACTERS = 2_200;
    static final int MAX_HASHTAGS = 30;
    static final int MAX_MENTIONS = 20;
    static final String ELLIPSIS = "…";

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    /** Not after a letter, digit or slash, so {@code page#section} and {@code &#35;} are not tags. */
    static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_/&#])#[\\p{L}\\p{M}\\p{N}_]+");
    /** Instagram handles, and fediverse {@code @user@server}; not the middle of an e-mail address. */
    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.@])@[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.]*[\\p{L}\\p{N}_])?(?:@[\\w-]+(?:\\.[\\w-]+)+)?");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:\\-–—]+$");

    private CaptionLimits() {
    }

    /** Drops every hashtag after the 30th and every mention after the 20th. */
    static String dropExcessTags(String text) {
        return Html.tidyLines(dropBeyond(dropBeyond(text, HASHTAG, MAX_HASHTAGS), MENTION, MAX_MENTIONS));
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
        List<int[]> spans = new ArrayList<>(spans(text, URL));
        spans.addAll(spans(text, HASHTAG));
        spans.addAll(spans(text, MENTION));
        return spans;
    }

    private static String dropBeyond(String text, Pattern token, int max) {
        List<int[]> urls = spans(text, URL);
        StringBuilder kept = new StringBuilder();
        Matcher matcher = token.matcher(text);
        int count = 0;
        int copied = 0;
        while (matcher.find()) {
            int start = matcher.start();
            if (urls.stream().anyMatch(url -> url[0] <= start && start < url[1]) || ++count <= max) {
                continue;
            }
            kept.append(text, copied, start);
            copied = matcher.end();
            if (copied < text.length() && text.charAt(copied) == ' ') {
                copied++;
            }
        }
        return kept.append(text.substring(copied)).toString();
    }

    private static List<int[]> spans(String text, Pattern pattern) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        return spans;
    }
}
