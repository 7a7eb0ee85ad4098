package io.feedgram.feed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.IllegalAddException;
import org.jdom2.IllegalDataException;
import org.jdom2.IllegalNameException;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jdom2.Verifier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The second, lenient reading of a feed that is not well-formed XML, with jsoup's XML parser: it
 * decodes HTML entities, keeps a bare {@code &} or {@code <} as text, and closes what was left open.
 * jsoup knows no DTD and expands no declared entity, so nothing is fetched or expanded here either.
 * <p>
 * What it recovers is what feed readers recover: HTML left open inside a title or description is
 * kept as the text it was written as, and prefixes used without their declaration (itunes, media,
 * dc...) get their usual namespace. A feed element left open or a document cut short are not
 * guessed at: where would the title, or the feed, end?
 */
final class LenientXml {

    /** The namespaces feeds use under these prefixes, for feeds that forget to declare them. */
    private static final Map<String, String> KNOWN_PREFIXES = Map.of(
            "atom", "http://www.w3.org/2005/Atom",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "dc", "http://purl.org/dc/elements/1.1/",
            "dcterms", "http://purl.org/dc/terms/",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
            "media", "http://search.yahoo.com/mrss/",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "slash", "http://purl.org/rss/1.0/modules/slash/",
            "sy", "http://purl.org/rss/1.0/modules/syndication/",
            "wfw", "http://wellformedweb.org/CommentAPI/");

    /** An unknown undeclared prefix gets a namespace of its own, so that its elements are not taken for RSS ones. */
    private static final String UNDECLARED = "urn:feedgram:undeclared:";

    /** HTML that feeds put unescaped in their text; none of these names is a feed element. */
    private static final Set<String> HTML = Set.of("a", "abbr", "b", "big", "blockquote", "br", "center", "cite",
            "code", "dd", "del", "div", "dl", "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3", "h4",
            "h5", "h6", "hr", "i", "iframe", "img", "ins", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
            "strike", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "tt", "u", "ul", "video");

    private LenientXml() {
    }

    /**
     * The document as a feed reader would read it; empty when it cannot be recovered without a guess,
     * and then the strict parser's complaint is the one to tell.
     *
     * @throws FeedProblem when the document ends before its root element is closed
     */
    static Optional<Document> read(String xml) {
        org.jsoup.nodes.Element root = Jsoup.parse(xml, "", Parser.xmlParser().setTrackPosition(true))
                .firstElementChild();
        if (root == null) {
            return Optional.empty();
        }
        if (leftOpen(root, xml)) {
            throw new FeedProblem(FeedProblem.truncated(root.tagName()));
        }
        Builder builder = new Builder(xml);
        try {
            NodeTraversor.filter(builder, root);
        } catch (IllegalNameException | IllegalDataException | IllegalAddException notXml) {
            return Optional.empty();
        }
        return Optional.ofNullable(builder.document);
    }

    /** Closed by the parser rather than by the feed: neither an end tag nor {@code />}. */
    private static boolean leftOpen(org.jsoup.nodes.Element element, String xml) {
        return element.endSourceRange().isImplicit() && !xml.startsWith("/>", element.sourceRange().endPos() - 2);
    }

    /** HTML left open, with all it swallowed, provided that it swallowed no feed element. */
    private static boolean isOpenHtml(org.jsoup.nodes.Element element) {
        return element.getAllElements().stream().allMatch(e -> HTML.contains(e.tagName().toLowerCase(Locale.ROOT)));
    }

    /** Builds the JDOM document while jsoup's tree is walked, with the namespaces in scope at each element. */
    private static final class Builder implements NodeFilter {

        private final String xml;
        private final Deque<Element> parents = new ArrayDeque<>();
        private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
        private Document document;

        Builder(String xml) {
            this.xml = xml;
            scopes.push(Map.of());
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                parents.element().addContent(new Text(xmlCharacters(text.getWholeText())));
            } else if (node instanceof org.jsoup.nodes.Element element) {
                return element(element);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof org.jsoup.nodes.Element) {
                parents.pop();
                scopes.pop();
            }
            return FilterResult.CONTINUE;
        }

        private FilterResult element(org.jsoup.nodes.Element source) {
            if (leftOpen(source, xml)) {
                if (!isOpenHtml(source)) {
                    document = null;
                    return FilterResult.STOP;
                }
                String written = xml.substring(source.sourceRange().startPos(), source.endSourceRange().startPos());
                parents.element().addContent(new Text(xmlCharacters(written)));
                return FilterResult.SKIP_ENTIRELY;
            }
            Map<String, String> scope = scope(source);
            Element element = new Element(localName(source.tagName()), namespace(prefix(source.tagName()), scope));
            scope.forEach((prefix, uri) -> {
                if (!uri.isEmpty() && !uri.equals(scopes.element().get(prefix))) {
                    element.addNamespaceDeclaration(Namespace.getNamespace(prefix, uri));
                }
            });
            for (Attribute attribute : source.attributes()) {
                String key = attribute.getKey();
                if (!key.equals("xmlns") && !key.startsWith("xmlns:") && Verifier.checkAttributeName(localName(key)) == null) {
                    Namespace namespace = prefix(key).isEmpty() ? Namespace.NO_NAMESPACE : namespace(prefix(key), scope);
                    element.setAttribute(localName(key), xmlCharacters(attribute.getValue()), namespace);
                }
            }
            if (parents.isEmpty()) {
                document = new Document(element);
            } else {
                parents.element().addContent(element);
            }
            parents.push(element);
            scopes.push(scope);
            return FilterResult.CONTINUE;
        }

        /** The namespaces in scope, with those this element declares. */
        private Map<String, String> scope(org.jsoup.nodes.Element source) {
            Map<String, String> scope = scopes.element();
            for (Attribute attribute : source.attributes()) {
                String key = attribute.getKey();
                if (key.equals("xmlns") || key.startsWith("xmlns:")) {
                    scope = scope == scopes.element() ? new HashMap<>(scope) : scope;
                    scope.put(key.equals("xmlns") ? "" : key.substring(6), attribute.getValue().trim());
                }
            }
            return scope;
        }

        private static Namespace namespace(String prefix, Map<String, String> scope) {
            if (prefix.equals("xml")) {
                return Namespace.XML_NAMESPACE;
            }
            String uri = scope.get(prefix);
            if (prefix.isEmpty()) {
                return uri == null || uri.isEmpty() ? Namespace.NO_NAMESPACE : Namespace.getNamespace(uri);
            }
            return Namespace.getNamespace(prefix, uri != null && !uri.isEmpty() ? uri
                    : KNOWN_PREFIXES.getOrDefault(prefix, UNDECLARED + prefix));
        }

        private static String prefix(String name) {
            int colon = name.indexOf(':');
            return colon < 0 ? "" : name.substring(0, colon);
        }

        private static String localName(String name) {
            return name.substring(name.indexOf(':') + 1);
        }

        /** Drops what XML cannot hold (control characters), as a feed reader would. */
        private static String xmlCharacters(String text) {
            if (text.codePoints().allMatch(Verifier::isXMLCharacter)) {
                return text;
            }
            StringBuilder kept = new StringBuilder(text.length());
            text.codePoints().filter(Verifier::isXMLCharacter).forEach(kept::appendCodePoint);
            return kept.toString();
        }
    }
}
