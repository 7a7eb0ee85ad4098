package io.feedgram.feed;

import java.util.Locale;

import org.xml.sax.SAXParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.rometools.rome.io.FeedException;

/**
 * A feed that cannot be read, and the one sentence that tells a person why.
 * <p>
 * The sentences come from what {@link FeedParser}, Rome 2.1.0 and Jackson actually throw (see
 * FeedProblemTest): the strict XML parser's SAX message when even a lenient reading cannot recover,
 * and Rome's {@code IllegalArgumentException("Invalid document")} for well-formed XML that no feed
 * parser recognises.
 */
public final class FeedProblem extends RuntimeException {

    static final String EMPTY = "empty response";
    static final String HTML_PAGE = "the response is an HTML page, not a feed";
    static final String DOCTYPE = "DOCTYPE declarations are refused (protection against XXE and entity expansion)";
    static final String ENTITIES = "the feed declares XML entities (DOCTYPE internal subset); "
            + "refused to prevent entity expansion / external entity attacks";
    static final String NOT_A_FEED = "the response is not an RSS or Atom feed (no rss, RDF or feed root element)";

    public FeedProblem(String sentence) {
        super(sentence);
    }

    static String truncated(String rootName) {
        return "invalid XML: the document ends before its <" + rootName + "> element is closed (a truncated feed?)";
    }

    /** Describes a parse failure from the exception alone. */
    public static String describe(Throwable e) {
        return describe(e, null);
    }

    /**
     * Describes a parse failure, looking at the response body too when there is one: an HTML page
     * with a DOCTYPE fails in Rome exactly like an XXE attempt, and only the body tells them apart.
     */
    public static String describe(Throwable e, String body) {
        if (body != null && body.isBlank()) {
            return EMPTY;
        }
        if (body != null && looksLikeHtml(body)) {
            return HTML_PAGE;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String sentence = sentenceFor(cause);
            if (sentence != null) {
                return sentence;
            }
        }
        return e == null ? "unknown problem" : "the feed could not be read: " + messageOf(e);
    }

    private static String sentenceFor(Throwable e) {
        if (e instanceof FeedProblem) {
            return e.getMessage();
        }
        if (e instanceof SAXParseException sax) {
            return sentenceFor(sax);
        }
        if (e instanceof JsonProcessingException json) {
            return "invalid JSON Feed: not valid JSON (" + json.getOriginalMessage() + locationOf(json) + ")";
        }
        if (e instanceof IllegalArgumentException && "Invalid document".equals(e.getMessage())) {
            return NOT_A_FEED;
        }
        if (e instanceof FeedException && e.getCause() == null) {
            return "invalid feed: " + messageOf(e);
        }
        return null;
    }

    private static String sentenceFor(SAXParseException sax) {
        String message = String.valueOf(sax.getMessage());
        if (message.contains("DOCTYPE is disallowed")) {
            return DOCTYPE;
        }
        if (message.startsWith("Premature end of file")) {
            return EMPTY;
        }
        return "invalid XML: " + message + " (line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ")";
    }

    private static String locationOf(JsonProcessingException json) {
        return json.getLocation() == null ? ""
                : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
    }

    private static boolean looksLikeHtml(String body) {
        String start = body.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
