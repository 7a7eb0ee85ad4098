package io.feedgram.feed;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import io.feedgram.system.PrivateAddressGuard;
import org.apache.hc.core5.http.ConnectionClosedException;

/** One sentence for a person about why a feed could not be read. */
final class FeedFailure {

    private FeedFailure() {
    }

    /** {@code body} is the response as read, when there was one: it tells an HTML page from a broken feed. */
    static String describe(Throwable failure, String body) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpStatusException || t instanceof FeedHttp.FeedTooLargeException
                    || t instanceof FeedHttp.FeedTooSlowException || t instanceof PrivateAddressGuard.RefusedException) {
                return t.getMessage();
            }
            if (t instanceof SocketTimeoutException) {
                return "the feed server did not answer in time (" + t.getMessage() + ")";
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return "the feed server cannot be reached (" + t.getMessage() + ")";
            }
            if (t instanceof ConnectionClosedException) {
                return "the feed server closed the connection early";
            }
        }
        return body == null ? FeedProblem.describe(failure) : FeedProblem.describe(failure, body);
    }

    /** The feed server answered something other than 200 or 304. */
    static final class HttpStatusException extends RuntimeException {
        HttpStatusException(int status) {
            super("the feed server answered HTTP " + status);
        }
    }
}
