package io.feedgram.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches media URLs the way Instagram's crawler does ("We cURL media used in publishing
 * attempts", docs/instagram.md#requests), with short timeouts so a dead fixture host fails fast.
 */
@SandboxBean
final class MediaFetcher {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /**
     * Downloads at most {@code maxBytes + 1} bytes (enough to tell "too large"), keeping the
     * first {@code keepBytes} of them.
     */
    MediaDownload download(String url, long maxBytes, int keepBytes) {
        HttpRequest request;
        try {
            URI uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                return MediaDownload.failed(MediaDownload.Outcome.UNREACHABLE, 0);
            }
            request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        } catch (IllegalArgumentException e) {
            return MediaDownload.failed(MediaDownload.Outcome.UNREACHABLE, 0);
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return MediaDownload.failed(MediaDownload.Outcome.NOT_OK, response.statusCode());
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    return MediaDownload.failed(MediaDownload.Outcome.TOO_LARGE, 200);
                }
                byte[] kept = body.readNBytes(keepBytes);
                long total = kept.length + skipUpTo(body, maxBytes + 1 - kept.length);
                if (total > maxBytes) {
                    return MediaDownload.failed(MediaDownload.Outcome.TOO_LARGE, 200);
                }
                return new MediaDownload(MediaDownload.Outcome.OK, 200, kept);
            }
        } catch (IOException e) {
            return MediaDownload.failed(MediaDownload.Outcome.UNREACHABLE, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MediaDownload.failed(MediaDownload.Outcome.UNREACHABLE, 0);
        }
    }

    private static long skipUpTo(InputStream body, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        while (read < limit) {
            int n = body.read(buffer, 0, (int) Math.min(buffer.length, limit - read));
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read;
    }
}
