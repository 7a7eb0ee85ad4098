package io.feedgram.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A feed server for the tests, on the application's own port: corpus files with ETag and
 * Last-Modified (and 304 answers), feeds a test edits, error statuses, a server that never
 * answers, and a 50 MB body. Every hit is counted, so a test can tell a 304 from a download.
 */
@RestController
@ConditionalOnProperty(name = "feed-test.server", havingValue = "true")
public class TestFeedServer {

    static final String LAST_MODIFIED = "Mon, 23 Nov 2026 10:00:00 GMT";

    private final Map<String, String> live = new ConcurrentHashMap<>();
    private final Map<String, Integer> hits = new ConcurrentHashMap<>();

    /** Sets the body a {@code /test-feeds/live/{name}} feed serves; {@code {base}} becomes the server's URL. */
    public void publish(String name, String body) {
        live.put(name, body);
    }

    public int hits(String name) {
        return hits.getOrDefault(name, 0);
    }

    @GetMapping("/test-feeds/live/{name}")
    public ResponseEntity<String> live(@PathVariable String name,
                                       @RequestHeader(value = "If-None-Match", required = false) String etag) {
        hits.merge(name, 1, Integer::sum);
        String body = live.get(name);
        if (body == null) {
            return ResponseEntity.notFound().build();
        }
        String tag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        if (tag.equals(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).build();
        }
        return ResponseEntity.ok().eTag(tag).header("Last-Modified", LAST_MODIFIED)
                .contentType(MediaType.parseMediaType("application/rss+xml; charset=UTF-8"))
                .body(body.replace("{base}", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()));
    }

    /**
     * A corpus file, served as the wrong-but-common text/xml without charset, and without validators.
     * It is sent as UTF-8 bytes, so that a byte-order mark reaches the client as it would from a real server.
     */
    @GetMapping("/test-feeds/file/{name}")
    public ResponseEntity<byte[]> file(@PathVariable String name) throws IOException {
        hits.merge(name, 1, Integer::sum);
        try (InputStream in = getClass().getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                return ResponseEntity.notFound().build();
            }
            MediaType type = name.endsWith(".json") ? MediaType.parseMediaType("application/feed+json")
                    : name.endsWith(".html") ? MediaType.TEXT_HTML : MediaType.TEXT_XML;
            return ResponseEntity.ok().contentType(type).body(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{base}", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString())
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A 302 to {@code path} on this server under another host name, as a feed that moved (or a hostile one) answers. */
    @GetMapping("/test-feeds/redirect")
    public ResponseEntity<Void> redirect(@RequestParam String host, @RequestParam String path) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(ServletUriComponentsBuilder.fromCurrentContextPath().host(host).path(path).build().toUri()).build();
    }

    @GetMapping("/test-feeds/status/{code}")
    public ResponseEntity<String> status(@PathVariable int code) {
        return ResponseEntity.status(code).contentType(MediaType.TEXT_PLAIN).body("status " + code);
    }

    /** Answers only after the client has given up: its read timeout must end the poll. */
    @GetMapping("/test-feeds/hang")
    public DeferredResult<String> hang() {
        return new DeferredResult<>(4_000L);        // well past the client read timeout the test sets
    }

    /** 50 MB of XML, streamed without a Content-Length, so only the reader's limit can stop it. */
    @GetMapping("/test-feeds/huge")
    public ResponseEntity<StreamingResponseBody> huge() {
        byte[] item = "<item><title>padding</title><description>0123456789abcdef</description></item>\n"
                .getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(out -> {
            out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>huge</title>".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 50L * 1024 * 1024; written += item.length) {
                out.write(item);
            }
            out.write("</channel></rss>".getBytes(StandardCharsets.UTF_8));
        });
    }
}
