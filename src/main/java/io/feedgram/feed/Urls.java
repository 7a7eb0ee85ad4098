package io.feedgram.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Resolving the URLs that feeds write relative, or with unescaped characters. */
final class Urls {

    private Urls() {
    }

    /** The http(s) URL that {@code ref} names, resolved against {@code base}; null if there is none. */
    static String absolute(String ref, String base) {
        URI uri = parse(ref == null ? null : ref.trim());
        if (uri == null || uri.toString().isEmpty()) {
            return null;
        }
        URI baseUri = parse(base);
        if (!uri.isAbsolute() && baseUri != null && baseUri.isAbsolute()) {
            uri = baseUri.resolve(uri);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
    }

    /** The lower-case path of a URL, without query or fragment; empty if it has none. */
    static String path(String url) {
        URI uri = parse(url);
        return uri == null || uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
    }

    private static URI parse(String url) {
        if (url == null) {
            return null;
        }
        try {
            return new URI(url.replace(" ", "%20").replace("|", "%7C"));
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
