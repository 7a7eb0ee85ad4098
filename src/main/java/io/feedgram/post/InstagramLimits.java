package io.feedgram.post;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instagram's limits on a post, in one place so the inbox, the feeds and the publisher cannot
 * disagree about the same caption (docs/instagram.md, "Containers"). The sandbox keeps its own
 * copy on purpose: it plays Instagram, and must not learn Feedgram's reading of the rules.
 */
public final class InstagramLimits {

    /** Caption length, in characters (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media). */
    public static final int MAX_CAPTION = 2_200;
    /** Hashtags in one caption (same page); the app's later cut to 5 is not enforced by the API. */
    public static final int MAX_HASHTAGS = 30;
    /** @-mentions in one caption (same page). */
    public static final int MAX_MENTIONS = 20;
    /** Media in one post: a carousel takes 2 to 10 children (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
    public static final int MAX_MEDIA = 10;
    /** Length of a media URL: Feedgram's own bound, not one from Meta's pages. */
    public static final int MAX_URL = 2_048;
    /** Alt text of an image (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media). */
    public static final int MAX_ALT_TEXT = 1_000;
    /** Collaborators on one post; Meta's pages say 3 or 5, so the lower (docs/instagram.md, "Conflicts"). */
    public static final int MAX_COLLABORATORS = 3;
    /** Users tagged on one media; more is refused with 2207040 (same page as the caption). */
    public static final int MAX_USER_TAGS = 20;
    /** Length of an Instagram username, as Instagram's sign-up enforces it. */
    public static final int MAX_USERNAME = 30;

    /** A web address in a caption: its {@code #fragment} or {@code /@user} path is neither a tag nor a mention. */
    public static final Pattern URL = Pattern.compile("https?://\\S+");
    /**
     * A hashtag: letters (with their combining marks, as in Hindi), digits and underscores, not
     * after a letter, digit, slash, {@code &} or {@code #}, so {@code page#section}, {@code &#35;}
     * and the second half of {@code #a#b} are not tags.
     */
    public static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_/&#])#[\\p{L}\\p{M}\\p{N}_]+");
    /** An Instagram handle, or a fediverse {@code @user@server}; not the middle of an e-mail address. */
    public static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.@])@[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.]*[\\p{L}\\p{N}_])?(?:@[\\w-]+(?:\\.[\\w-]+)+)?");

    private InstagramLimits() {
    }

    /** The hashtags in {@code caption} that count towards {@link #MAX_HASHTAGS}: those outside web addresses. */
    public static int hashtags(String caption) {
        return outsideUrls(caption, HASHTAG).size();
    }

    /** The mentions in {@code caption} that count towards {@link #MAX_MENTIONS}: those outside web addresses. */
    public static int mentions(String caption) {
        return outsideUrls(caption, MENTION).size();
    }

    /** Where {@code token} stands in {@code text}, outside web addresses, as {start, end} pairs in order. */
    public static List<int[]> outsideUrls(String text, Pattern token) {
        List<int[]> urls = spans(text, URL);
        List<int[]> found = new ArrayList<>();
        for (int[] span : spans(text, token)) {
            if (urls.stream().noneMatch(url -> url[0] <= span[0] && span[0] < url[1])) {
                found.add(span);
            }
        }
        return found;
    }

    /** Where {@code pattern} matches in {@code text}, as {start, end} pairs in order. */
    public static List<int[]> spans(String text, Pattern pattern) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        return spans;
    }
}
