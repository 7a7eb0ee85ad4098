package io.feedgram.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.feedgram.sandbox.TestVideo;

/**
 * The web host of the blogs Feedgram reads, inside the benchmark's JVM: the media that posts point at
 * ({@code /media/ok.jpg} 1080×1080, {@code /media/story.jpg} 1080×1920, {@code /media/clip.mp4} a compliant reel),
 * and feeds {@code /feeds/<n>.xml} that never change. A feed answers 304 to a request that carries its ETag in
 * {@code If-None-Match} or a date not before its last modification in {@code If-Modified-Since}, as a well-behaved
 * server does; the host counts the full answers and the 304s it gave.
 */
final class BlogHost implements AutoCloseable {

    private static final Pattern FEED = Pattern.compile("/feeds/([0-9]+)\\.xml");
    private static final ZonedDateTime LAST_MODIFIED = ZonedDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, byte[]> media = Map.of(
            "ok.jpg", jpeg(1080, 1080),
            "story.jpg", jpeg(1080, 1920),
            "clip.mp4", TestVideo.COMPLIANT.bytes());
    private final AtomicLong fullAnswers = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();

    BlogHost() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/media/", this::media);
        server.createContext("/feeds/", this::feed);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    long fullAnswers() {
        return fullAnswers.get();
    }

    long notModified() {
        return notModified.get();
    }

    private void media(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/media/".length());
        byte[] bytes = media.get(name);
        if (bytes == null) {
            answer(exchange, 404, "text/plain", new byte[0]);
        } else {
            answer(exchange, 200, name.endsWith(".mp4") ? "video/mp4" : "image/jpeg", bytes);
        }
    }

    private void feed(HttpExchange exchange) throws IOException {
        Matcher path = FEED.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            answer(exchange, 404, "text/plain", new byte[0]);
            return;
        }
        String etag = "\"feed-" + path.group(1) + "-v1\"";
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(LAST_MODIFIED);
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified", lastModified);
        if (unchangedFor(exchange, etag)) {
            notModified.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        fullAnswers.incrementAndGet();
        answer(exchange, 200, "application/rss+xml", rss(path.group(1)).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean unchangedFor(HttpExchange exchange, String etag) {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.contains(etag);
        }
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        try {
            return ifModifiedSince != null
                    && !ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).isBefore(LAST_MODIFIED);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** A small blog: three entries, each with a picture. */
    private String rss(String feed) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            items.append("<item><title>Post ").append(i).append(" of blog ").append(feed).append("</title>")
                    .append("<link>").append(url("/blog/" + feed + "/" + i)).append("</link>")
                    .append("<guid>").append(url("/blog/" + feed + "/" + i)).append("</guid>")
                    .append("<description>Entry ").append(i).append(".</description>")
                    .append("<enclosure url=\"").append(url("/media/ok.jpg?feed=" + feed + "&amp;entry=" + i))
                    .append("\" type=\"image/jpeg\" length=\"1000\"/></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Blog " + feed
                + "</title><link>" + url("/blog/" + feed) + "</link><description>Benchmark blog</description>" + items
                + "</channel></rss>";
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xF6A04D), width, height, new Color(0x2E86AB)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
