package io.feedgram.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.feedgram.system.PrivateAddressGuard;
import org.springframework.stereotype.Component;

/**
 * Downloads a media item for inspection, with the feed fetcher's rules: http(s) only, a size cap,
 * a deadline, at most {@value #MAX_REDIRECTS} redirects, and no private, loopback or link-local
 * address at any hop, so that Feedgram cannot be used to probe its own network.
 */
@Component
class MediaDownloader {

    private static final int MAX_REDIRECTS = 5;

    private final PrivateAddressGuard guard;
    private final MediaProperties properties;
    private final HttpClient http;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "media-download-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    MediaDownloader(PrivateAddressGuard guard, MediaProperties properties) {
        this.guard = guard;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The media at {@code url} in {@code into}; a {@link MediaProblem} says why it could not be had. */
    void download(String url, long maxBytes, Path into) {
        URI uri = parse(url);
        long deadline = System.nanoTime() + properties.fetchTimeout().toNanos();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new MediaProblem("the media URL " + shown(url) + " is not http or https");
            }
            guard.refusal(uri).ifPresent(r -> {
                throw new MediaProblem(r.sentence("the media URL " + shown(url)));
            });
            HttpResponse<InputStream> response = send(uri, url, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response);
                uri = uri.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            if (status != 200) {
                close(response);
                throw new MediaProblem("the media at " + shown(url) + " answered HTTP " + status);
            }
            copy(response, url, maxBytes, into, deadline);
            return;
        }
        throw new MediaProblem("the media at " + shown(url) + " redirects more than " + MAX_REDIRECTS + " times");
    }

    private HttpResponse<InputStream> send(URI uri, String url, long deadline) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(remaining(deadline, url))
                    .header("User-Agent", "Feedgram media check").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new MediaProblem("the media at " + shown(url) + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaProblem("the download of " + shown(url) + " was interrupted");
        }
    }

    private void copy(HttpResponse<InputStream> response, String url, long maxBytes, Path into, long deadline) {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            close(response);
            throw tooLarge(url, maxBytes);
        }
        // A server that sends its headers and then stalls would block a read for ever: at the
        // deadline the body is closed under the reader, which ends its read with an error.
        ScheduledFuture<?> cutOff = deadlines.schedule(() -> close(response),
                Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(into)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(url, maxBytes);
                }
                if (System.nanoTime() > deadline) {
                    throw new MediaProblem("the media at " + shown(url) + " took too long to download");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw System.nanoTime() > deadline
                    ? new MediaProblem("the media at " + shown(url) + " took too long to download")
                    : new MediaProblem("the media at " + shown(url) + " could not be read: " + e.getMessage());
        } finally {
            cutOff.cancel(false);
        }
    }

    /** A URL as a reason shows it: long ones shortened, so the reason itself survives any column. */
    static String shown(String url) {
        return url.length() <= 120 ? url : url.substring(0, 119) + "…";
    }

    private static URI parse(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MediaProblem("the media URL " + shown(url) + " is not a valid URL");
        }
    }

    private static Duration remaining(long deadline, String url) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new MediaProblem("the media at " + shown(url) + " took too long to download");
        }
        return Duration.ofNanos(left);
    }

    private static MediaProblem tooLarge(String url, long maxBytes) {
        return new MediaProblem("the media at " + shown(url) + " is larger than " + (maxBytes / (1024 * 1024)) + " MiB");
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // the answer is not wanted anyway
        }
    }
}
