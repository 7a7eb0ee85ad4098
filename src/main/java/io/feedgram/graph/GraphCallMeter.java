package io.feedgram.graph;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Times every call to Meta as {@code feedgram.graph.calls}, by endpoint shape ({@code POST /{id}/media},
 * {@code GET /{id}?fields=id,permalink}), outcome and Graph error code and subcode. Ids become {@code {id}},
 * and of the query only {@code fields} is read, so no account id, token or caption can become a label.
 */
@Component
class GraphCallMeter {

    /** A path segment after which the endpoint starts: the API version, or the host in a sandbox path. */
    private static final Pattern PREFIX = Pattern.compile("v\\d+(\\.\\d+)?|.*\\..*");
    private static final Pattern ID = Pattern.compile(".*\\d.*");

    private final MeterRegistry meters;

    GraphCallMeter(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A call that began at {@code startNanos} ended with {@code failure}, or with an answer when it is null. */
    void record(HttpRequest request, long startNanos, GraphException failure) {
        GraphError error = failure instanceof GraphException.Refused refused ? refused.error() : null;
        Timer.builder("feedgram.graph.calls")
                .description("Calls to Instagram's Graph API and login hosts")
                .tag("endpoint", endpoint(request.method(), request.uri().getPath(), request.uri().getQuery()))
                .tag("outcome", failure == null ? "ok" : error != null ? "error" : "unanswered")
                .tag("code", error == null ? "none" : String.valueOf(error.code()))
                .tag("subcode", error == null || error.subcode() == null ? "none" : String.valueOf(error.subcode()))
                .register(meters)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** {@code GET /v25.0/17841400000000001/media?fields=id&after=...} is {@code GET /{id}/media?fields=id}. */
    static String endpoint(String method, String path, String query) {
        String[] segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        int start = 0;
        for (int i = 0; i < segments.length; i++) {
            if (PREFIX.matcher(segments[i]).matches()) {
                start = i + 1;
            }
        }
        String fields = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(parameter -> parameter.startsWith("fields=")).map(parameter -> "?" + parameter)
                .findFirst().orElse("");
        return method + " /" + Arrays.stream(segments, start, segments.length)
                .map(segment -> ID.matcher(segment).matches() ? "{id}" : segment)
                .collect(Collectors.joining("/")) + fields;
    }
}
