package io.feedgram.feed;

import java.util.Locale;

/**
 * What comes before an XML document's root element, read without an XML parser so that no DTD is
 * ever parsed: the DOCTYPE, if any, and the root element's name.
 *
 * @param document the document without its byte-order mark, its DOCTYPE blanked out (line breaks
 *                 kept, so that parse errors point at the right line)
 * @param doctype  the DOCTYPE declaration as written, or null
 * @param rootName the root element's qualified name, or null when no element starts the document
 */
record XmlProlog(String document, String doctype, String rootName) {

    static XmlProlog of(String xml) {
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        int i = skipMisc(text, 0);
        if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
            int end = doctypeEnd(text, i);
            return new XmlProlog(blank(text, i, end), text.substring(i, end), rootName(text, skipMisc(text, end)));
        }
        return new XmlProlog(text, null, rootName(text, i));
    }

    /** Entities, internal or external, are only declared in a DOCTYPE's internal subset. */
    boolean declaresEntities() {
        return doctype != null && doctype.toUpperCase(Locale.ROOT).contains("<!ENTITY");
    }

    private static int after(String text, String end, int from) {
        int at = text.indexOf(end, from);
        return at < 0 ? text.length() : at + end.length();
    }

    /** The DOCTYPE ends at the first {@code >} outside quotes and outside its internal subset. */
    private static int doctypeEnd(String text, int start) {
        char quote = 0;
        int depth = 0;
        for (int i = start + 2; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static String blank(String text, int start, int end) {
        StringBuilder blanked = new StringBuilder(text);
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                blanked.setCharAt(i, ' ');
            }
        }
        return blanked.toString();
    }

    /** Skips white space, comments and processing instructions (the XML declaration among them). */
    private static int skipMisc(String text, int from) {
        int i = from;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("<?", i)) {
                i = after(text, "?>", i);
            } else if (text.startsWith("<!--", i)) {
                i = after(text, "-->", i);
            } else {
                break;
            }
        }
        return i;
    }

    private static String rootName(String text, int start) {
        if (start >= text.length() || text.charAt(start) != '<') {
            return null;
        }
        int end = start + 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "/>".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end > start + 1 ? text.substring(start + 1, end) : null;
    }
}
