package io.feedgram.feed;

import java.util.List;
import java.util.Set;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * Reshapes feeds that feed readers read but Rome's parsers do not recognise, into the shape Rome
 * expects: an {@code rss} without version or channel, items outside the channel (RSS 2.0) or inside
 * it (RSS 0.90/1.0), RDF and Atom elements without their namespace.
 */
final class FeedShapes {

    private static final Namespace RDF = Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    private static final Namespace RSS090 = Namespace.getNamespace("http://my.netscape.com/rdf/simple/0.9/");
    private static final Namespace RSS10 = Namespace.getNamespace("http://purl.org/rss/1.0/");
    private static final Namespace ATOM03 = Namespace.getNamespace("http://purl.org/atom/ns#");
    private static final Namespace ATOM10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    /** The versions Rome has a parser for; other {@code rss} documents are read as RSS 2.0, its superset. */
    private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

    private FeedShapes() {
    }

    static void normalise(Document document) {
        Element root = document.getRootElement();
        boolean bare = root.getNamespace().equals(Namespace.NO_NAMESPACE);
        if (bare && root.getName().equals("rss")) {
            rss(root);
        } else if (bare && root.getName().equals("feed")) {
            intoNamespace(root, "0.3".equals(root.getAttributeValue("version")) ? ATOM03 : ATOM10);
        } else if (root.getName().equals("RDF") && root.getNamespace().equals(RDF) && !root.getNamespacePrefix().isEmpty()) {
            rdf(root);
        }
    }

    private static void rss(Element root) {
        String version = root.getAttributeValue("version", "").trim();
        root.setAttribute("version", RSS_VERSIONS.contains(version) ? version : "2.0");
        Element channel = channel(root, Namespace.NO_NAMESPACE);
        for (Element item : List.copyOf(root.getChildren("item"))) {
            channel.addContent(item.detach());
        }
    }

    /** RSS 0.90 and 1.0 keep their items beside the channel, in their own namespace (RSS 1.0 when none is given). */
    private static void rdf(Element root) {
        Namespace rss = root.getChildren().stream().map(Element::getNamespace)
                .filter(ns -> ns.equals(RSS090) || ns.equals(RSS10)).findFirst().orElse(RSS10);
        intoNamespace(root, rss);
        if (root.getAdditionalNamespaces().stream().noneMatch(rss::equals)) {
            // Rome recognises RSS 0.90 and 1.0 by the namespaces the root declares.
            root.addNamespaceDeclaration(rss);
        }
        Element channel = channel(root, rss);
        int after = root.indexOf(channel);
        for (Element item : List.copyOf(channel.getChildren("item", rss))) {
            root.addContent(++after, item.detach());
        }
    }

    private static Element channel(Element root, Namespace namespace) {
        Element channel = root.getChild("channel", namespace);
        if (channel == null) {
            channel = new Element("channel", namespace);
            root.addContent(0, channel);
        }
        return channel;
    }

    private static void intoNamespace(Element root, Namespace namespace) {
        if (root.getNamespace().equals(Namespace.NO_NAMESPACE)) {
            root.setNamespace(namespace);
        }
        for (Element element : root.getDescendants(Filters.element(Namespace.NO_NAMESPACE))) {
            element.setNamespace(namespace);
        }
    }
}
