package io.feedgram.feed;

import java.time.Instant;
import java.util.List;

import io.feedgram.post.MediaItem;

/**
 * One entry of a feed, whatever the feed's format.
 *
 * @param key        stable id of the entry: RSS guid, Atom id or JSON Feed id, else its link
 * @param summary    HTML or plain text, as the feed gives it
 * @param content    HTML: {@code content:encoded}, Atom content, JSON Feed {@code content_html}
 *                   (or {@code content_text}, escaped with its line breaks kept)
 * @param published  when the entry was published (else updated); null if the feed does not say
 * @param media      images and videos in the order they are to appear, distinct URLs, at most 10
 */
public record FeedEntry(String key, String link, String title, String summary, String content, String author,
        List<String> categories, Instant published, List<MediaItem> media) {

    public FeedEntry {
        categories = categories == null ? List.of() : List.copyOf(categories);
        media = media == null ? List.of() : List.copyOf(media);
    }
}
