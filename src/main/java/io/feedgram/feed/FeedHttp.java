package io.feedgram.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import io.feedgram.system.PrivateAddressGuard;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/**
 * The HTTP side of a feed poll, between the route and camel-http: the request headers
 * (a conditional GET when validators are known) for a URL the {@link PrivateAddressGuard} lets
 * through (its redirects are checked by {@link FeedRedirects}), and a size-limited read of the
 * body, decoded as {@link FeedEncoding} tells.
 */
@Component("feedHttp")
public class FeedHttp {

    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

    private final FeedsProperties properties;
    private final PrivateAddressGuard guard;

    public FeedHttp(FeedsProperties properties, PrivateAddressGuard guard) {
        this.properties = properties;
        this.guard = guard;
    }

    /** Replaces every header with the feed request's own, so nothing inbound leaks into the call. */
    public void prepare(@Variable("poll") FeedPoll poll, @Headers Map<String, Object> headers) {
        String url = poll.feed().url();
        String scheme = url == null ? null : URI.create(url).getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the feed URL must be http or https: " + url);
        }
        guard.check(URI.create(url), "the feed URL");
        headers.clear();
        headers.put(Exchange.HTTP_URI, url);
        headers.put(Exchange.HTTP_METHOD, "GET");
        headers.put("User-Agent", properties.fetch().userAgent());
        headers.put("Accept", ACCEPT);
        if (poll.conditional() && poll.etag() != null) {
            headers.put("If-None-Match", poll.etag());
        }
        if (poll.conditional() && poll.lastModified() != null) {
            headers.put("If-Modified-Since", poll.lastModified());
        }
    }

    /** Reads at most the configured size; a larger feed is refused without reading the rest. */
    public String read(@Body InputStream body, @Header("Content-Length") String length,
                       @Header(Exchange.CONTENT_TYPE) String contentType) throws IOException {
        long max = properties.fetch().maxSize().toBytes();
        if (length != null && !length.isBlank() && Long.parseLong(length.trim()) > max) {
            throw new FeedTooLargeException(Long.parseLong(length.trim()), max);
        }
        if (body == null) {
            return "";
        }
        // Each read has the socket timeout; the whole download also has a deadline, so a server
        // that sends a byte now and then cannot hold the feed route.
        long deadline = System.nanoTime() + properties.fetch().deadline().toNanos();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (InputStream in = body) {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                bytes.write(chunk, 0, read);
                if (bytes.size() > max) {
                    throw new FeedTooLargeException(-1, max);
                }
                if (System.nanoTime() > deadline) {
                    throw new FeedTooSlowException(properties.fetch().deadline());
                }
            }
        }
        return FeedEncoding.decode(bytes.toByteArray(), contentType);
    }

    /** JSON Feed is told by its media type, or by a body that is a JSON object. */
    public boolean isJson(@Header(Exchange.CONTENT_TYPE) String contentType, @Body String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.contains("json") || body.stripLeading().startsWith("{");
    }

    /** A feed whose download outlasted the deadline. */
    public static final class FeedTooSlowException extends IOException {
        FeedTooSlowException(java.time.Duration deadline) {
            super("the feed took longer than " + deadline.toSeconds() + " s to download");
        }
    }

    /** A feed over the size limit. */
    public static final class FeedTooLargeException extends IOException {
        FeedTooLargeException(long size, long max) {
            super("the feed is larger than the " + (max / (1024 * 1024)) + " MB limit"
                    + (size > 0 ? " (" + (size / (1024 * 1024)) + " MB announced)" : ""));
        }
    }
}
