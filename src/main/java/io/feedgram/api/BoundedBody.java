package io.feedgram.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Copies a request body, refusing it once it is larger than {@code maxBytes} (413) or slower than
 * {@code timeout} in all (408), so that no client can hold a thread or fill a disk. A body that
 * breaks off is a 400.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    public static void copy(InputStream in, OutputStream out, long maxBytes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                if (System.nanoTime() > deadline) {
                    throw slow(timeout);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // Tomcat wraps its read timeout; anything else is a broken upload.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SocketTimeoutException) {
                    throw slow(timeout);
                }
            }
            throw ApiProblem.invalid("body", "could not be read: the upload broke off");
        }
    }

    public static ApiProblem tooLarge(long maxBytes) {
        return ApiProblem.tooLarge("The body is larger than the limit of " + maxBytes + " bytes.");
    }

    private static ApiProblem slow(Duration timeout) {
        return new ApiProblem(408, "request-timeout", "Request timeout",
                "The body did not arrive within " + timeout.toSeconds() + " seconds.", null);
    }
}
