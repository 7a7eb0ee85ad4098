package io.feedgram.feed;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.springframework.stereotype.Component;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;

/**
 * Parses an RSS or Atom feed as leniently as the best feed readers, without giving up safety:
 * strict XML first, then, for a feed that is not well-formed, a lenient reading ({@link LenientXml});
 * either way reshaped for Rome ({@link FeedShapes}).
 * <p>
 * No DTD is ever read: the DOCTYPE, which legitimate feeds such as RSS 0.91 still carry, is dropped
 * before parsing, and a feed whose DOCTYPE declares entities is refused, since its only use is
 * entity expansion or an external entity.
 */
@Component("feedParser")
public class FeedParser {

    public SyndFeed parse(String body) throws FeedException {
        if (body == null || body.isBlank()) {
            throw new FeedProblem(FeedProblem.EMPTY);
        }
        XmlProlog prolog = XmlProlog.of(body);
        if (prolog.declaresEntities()) {
            throw new FeedProblem(FeedProblem.ENTITIES);
        }
        if ("html".equalsIgnoreCase(prolog.rootName())) {
            throw new FeedProblem(FeedProblem.HTML_PAGE);
        }
        Document document = read(prolog.document());
        FeedShapes.normalise(document);
        return new SyndFeedInput().build(document);
    }

    private static Document read(String xml) {
        try {
            // Rome's XML healer, as Rome applies it, turns HTML entities into character references.
            return strictParser().build(new XmlFixerReader(new StringReader(xml)));
        } catch (JDOMException strictFailure) {
            return LenientXml.read(xml).orElseThrow(() -> new FeedProblem(FeedProblem.describe(strictFailure)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DOCTYPE is gone by now; one elsewhere in the document is refused, so that no entity is ever declared. */
    private static SAXBuilder strictParser() {
        SAXBuilder parser = new SAXBuilder(XMLReaders.NONVALIDATING);
        parser.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        parser.setExpandEntities(false);
        return parser;
    }
}
