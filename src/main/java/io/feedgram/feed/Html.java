package io.feedgram.feed;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Converting between feed HTML and the plain text a caption is made of. */
final class Html {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "aside",
            "blockquote", "figure", "figcaption", "pre", "ul", "ol", "dl", "dt", "dd", "table", "tr", "hr",
            "h1", "h2", "h3", "h4", "h5", "h6", "address", "details", "summary", "main", "nav");

    private Html() {
    }

    /** Plain text as HTML, so that every {@code content} field holds HTML; line breaks become {@code <br>}. */
    static String fromText(String text) {
        return Entities.escape(text).replace("\r\n", "\n").replace("\n", "<br>\n");
    }

    /**
     * Plain text from HTML: entities decoded, runs of white space collapsed, paragraphs and other
     * blocks separated by a blank line, {@code <br>} and list items by a line break. Emoji images
     * (WordPress turns emoji into {@code <img class="wp-smiley">}) become their alt text again.
     */
    static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText().replaceAll("[\\s\\u00A0]+", " "));
                } else if (node instanceof Element element) {
                    String name = element.normalName();
                    if (name.equals("br")) {
                        text.append('\n');
                    } else if (name.equals("li")) {
                        text.append('\n');
                    } else if (BLOCKS.contains(name)) {
                        text.append("\n\n");
                    } else if (name.equals("img") && (element.hasClass("wp-smiley") || element.hasClass("emoji"))) {
                        text.append(element.attr("alt"));
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append("\n\n");
                }
            }
        });
        return tidyLines(text.toString());
    }

    /** Trims every line, and keeps at most one blank line between paragraphs. */
    static String tidyLines(String text) {
        return text.replaceAll("[ \\t\\x0B\\f\\u00A0]*\\n[ \\t\\x0B\\f\\u00A0]*", "\n")
                .replaceAll("[ \\t\\u00A0]{2,}", " ")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
