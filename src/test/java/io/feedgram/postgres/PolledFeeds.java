package io.feedgram.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * RSS feeds for replicas to poll, on a port of their own, that remember every poll: when it came,
 * when it was answered, and how. Each answer is held back a while, so that two replicas polling one
 * feed at once would show as overlapping polls. Feeds answer 304 to a matching If-None-Match.
 */
final class PolledFeeds implements AutoCloseable {

    record Poll(Instant started, Instant answered, int status) {
    }

    private final HttpServer server;
    private final ExecutorService requests = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(4);
    private final Duration hold;
    private final Map<String, List<String>> titles = new ConcurrentHashMap<>();
    private final Map<String, List<Poll>> polls = new ConcurrentHashMap<>();
    private final String mediaBase;

    /** @param mediaBase where the entries' images are, e.g. the sandbox's {@code http://localhost:port/test-media/} */
    PolledFeeds(String mediaBase, Duration hold) {
        this.mediaBase = mediaBase;
        this.hold = hold;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(requests);
        server.createContext("/feeds/", this::answer);
        server.start();
    }

    String url(String feed) {
        return "http://localhost:" + server.getAddress().getPort() + "/feeds/" + feed + ".xml";
    }

    /** Adds an entry (with one image) to a feed; its title is what its post's caption will be. */
    void addEntry(String feed, String title) {
        titles.computeIfAbsent(feed, f -> new CopyOnWriteArrayList<>()).add(title);
    }

    List<String> titles(String feed) {
        return List.copyOf(titles.getOrDefault(feed, List.of()));
    }

    List<Poll> polls(String feed) {
        return List.copyOf(polls.getOrDefault(feed, List.of()));
    }

    void forgetPolls() {
        polls.clear();
    }

    private void answer(HttpExchange exchange) {
        Instant started = Instant.now();
        String feed = exchange.getRequestURI().getPath().replaceFirst("^/feeds/", "").replaceFirst("\\.xml$", "");
        byte[] body = rss(feed).getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
        int status = etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match")) ? 304 : 200;
        answers.schedule(() -> {
            try (exchange) {
                exchange.getResponseHeaders().set("ETag", etag);
                if (status == 304) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            } catch (IOException e) {
                // The poller went away (a killed replica): the poll still counts as one that happened.
            } finally {
                polls.computeIfAbsent(feed, f -> new CopyOnWriteArrayList<>()).add(new Poll(started, Instant.now(), status));
            }
        }, hold.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String rss(String feed) {
        StringBuilder items = new StringBuilder();
        List<String> entries = new ArrayList<>(titles.getOrDefault(feed, List.of()));
        for (int i = 0; i < entries.size(); i++) {
            String id = feed + "-" + i;
            items.append("<item><title>").append(entries.get(i)).append("</title>")
                    .append("<link>https://blog.example/").append(id).append("</link>")
                    .append("<guid>").append(id).append("</guid>")
                    .append("<enclosure url=\"").append(mediaBase).append("ok.jpg?t=").append(id)
                    .append("\" type=\"image/jpeg\" length=\"1000\"/></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + feed
                + "</title><link>https://blog.example/</link><description>replicas</description>" + items
                + "</channel></rss>";
    }

    @Override
    public void close() {
        server.stop(0);
        answers.shutdownNow();
        requests.shutdownNow();
    }
}
