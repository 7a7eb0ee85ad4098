package io.feedgram.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.camel.dataformat.rss.RssConverter;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;

/** The test feeds under src/test/resources/feeds, parsed the way the route's {@code unmarshal: rss} parses. */
final class Corpus {

    private Corpus() {
    }

    static String text(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test feed " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SyndFeed parse(String name) throws FeedException {
        return RssConverter.xmlToFeed(text(name));
    }
}
