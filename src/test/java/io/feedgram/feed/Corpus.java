package io.feedgram.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;

/** The test feeds under src/test/resources/feeds, decoded and parsed the way the feed-download route does. */
final class Corpus {

    private static final FeedParser PARSER = new FeedParser();
    private static final FeedReader READER = new FeedReader();

    private Corpus() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test feed " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return text(name, null);
    }

    /** The feed as served with this Content-Type header (null for none). */
    static String text(String name, String contentType) {
        return FeedEncoding.decode(bytes(name), contentType);
    }

    static SyndFeed parse(String name) throws FeedException {
        return PARSER.parse(text(name));
    }

    /** The feed's entries, JSON Feed or XML told apart as the route tells them. */
    static List<FeedEntry> entries(String name, String contentType) throws FeedException {
        String body = text(name, contentType);
        String url = "https://feeds.example/" + name;
        return new FeedHttp(null, null).isJson(contentType, body) ? READER.jsonEntries(body, url)
                : READER.entries(PARSER.parse(body), url);
    }
}
