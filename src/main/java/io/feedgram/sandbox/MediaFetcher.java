package io.feedgram.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches media URLs the way Instagram's crawler does ("We cURL media used in publishing
 * attempts", docs/instagram.md#requests), within bounds, since a container's URL is whatever a caller
 * sends: http(s) only, never a link-local address (where cloud metadata answers), a few
 * redirects, each hop checked, short timeouts and no more bytes than the size limit and one.
 * Loopback and private hosts stay allowed: the demo's media are served by Feedgram on localhost.
 */
@SandboxBean
final class MediaFetcher {

    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Until a hop's response headers arrive. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** The whole download, redirects and body included: a host that drips bytes cannot hold a check for long. */
    private static final Duration DOWNLOAD_DEADLINE = Duration.ofSeconds(60);

    /** What a hop's body gave: its first bytes, and whether it went on past the limit. */
    private record Body(byte[] kept, boolean tooLarge) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)   // followed here, so every hop's address is checked
            .build();

    /**
     * Downloads at most {@code maxBytes + 1} bytes (enough to tell "too large"), keeping the
     * first {@code keepBytes} of them.
     */
    MediaDownload download(String url, long maxBytes, int keepBytes) {
        Instant deadline = Instant.now().plus(DOWNLOAD_DEADLINE);
        try {
            URI uri = URI.create(url);
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                if (!fetchable(uri)) {
                    return MediaDownload.failed(MediaDownload.Outcome.REFUSED, 0);
                }
                HttpResponse<Body> response = fetch(uri, maxBytes, keepBytes, deadline);
                int status = response.statusCode();
                if (REDIRECTS.contains(status) && response.headers().firstValue("Location").isPresent()) {
                    URI next = uri.resolve(response.headers().firstValue("Location").get());
                    if ("https".equalsIgnoreCase(uri.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
                        return MediaDownload.failed(MediaDownload.Outcome.REFUSED, status);   // no downgrade, as curl -L
                    }
                    uri = next;
                    continue;
                }
                if (status != 200) {
                    return MediaDownload.failed(MediaDownload.Outcome.NOT_OK, status);
                }
                if (declaredLength(response.headers()) > maxBytes || response.body().tooLarge()) {
                    return MediaDownload.failed(MediaDownload.Outcome.TOO_LARGE, 200);
                }
                return new MediaDownload(MediaDownload.Outcome.OK, 200, response.body().kept());
            }
            return MediaDownload.failed(MediaDownload.Outcome.REFUSED, 0);   // too many redirects
        } catch (IllegalArgumentException | IOException | TimeoutException e) {
            return MediaDownload.failed(MediaDownload.Outcome.UNREACHABLE, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MediaDownload.failed(MediaDownload.Outcome.UNREACHABLE, 0);
        }
    }

    /** http(s) with a host none of whose addresses is link-local (169.254.0.0/16, fe80::/10). */
    private static boolean fetchable(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return false;
        }
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            if (address.isLinkLocalAddress()) {
                return false;
            }
        }
        return true;
    }

    private HttpResponse<Body> fetch(URI uri, long maxBytes, int keepBytes, Instant deadline)
            throws IOException, InterruptedException, TimeoutException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET().build();
        // Only a 200 within the limit is read; any other body is dropped at its first bytes.
        CompletableFuture<HttpResponse<Body>> response = client.sendAsync(request, info ->
                info.statusCode() == 200 && declaredLength(info.headers()) <= maxBytes
                        ? new CappedBody(keepBytes, maxBytes) : new CappedBody(0, 0));
        try {
            return response.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            response.cancel(true);   // no-op once done; otherwise ends the exchange and its connection
        }
    }

    private static long declaredLength(HttpHeaders headers) {
        return headers.firstValueAsLong("Content-Length").orElse(-1);
    }

    /** Keeps the first {@code keepBytes}, counts the rest, and cancels the download one byte past {@code maxBytes}. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<Body> {

        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int keepBytes;
        private final long maxBytes;
        private Flow.Subscription subscription;
        private long total;

        CappedBody(int keepBytes, long maxBytes) {
            this.keepBytes = keepBytes;
            this.maxBytes = maxBytes;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int n = buffer.remaining();
                byte[] head = new byte[Math.min(n, keepBytes - kept.size())];
                buffer.get(head);
                kept.writeBytes(head);
                total += n;
            }
            if (total > maxBytes) {
                subscription.cancel();
                result.complete(new Body(kept.toByteArray(), true));
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(new Body(kept.toByteArray(), false));
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }
    }
}
