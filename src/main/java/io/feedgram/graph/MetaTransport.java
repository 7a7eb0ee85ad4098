package io.feedgram.graph;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.system.DurableWrites;
import org.springframework.stereotype.Component;

/**
 * The one way Feedgram talks HTTP to Meta (Graph hosts and token endpoints): timeouts, no
 * redirects, JSON answers, the error envelope as {@link GraphException}, and no token or secret
 * in any error message: the bearer token, the secret parameters of the call and any {@code secrets}
 * the caller names are redacted. URLs never reach a message (they may carry a token).
 */
@Component
public class MetaTransport {

    /** Parameters whose values are credentials. */
    private static final Set<String> SECRET_PARAMETERS = Set.of("access_token", "client_secret", "fb_exchange_token", "code");
    /** A user with more Pages than this is not worth following further. */
    static final int MAX_LISTS = 10;

    private final GraphProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;
    private final GraphCallMeter calls;
    private final DurableWrites durable;

    public MetaTransport(GraphProperties properties, ObjectMapper json, GraphCallMeter calls, DurableWrites durable) {
        this.properties = properties;
        this.json = json;
        this.calls = calls;
        this.durable = durable;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code GET url?query}, with {@code bearer} in the Authorization header when not null. */
    public JsonNode get(String url, Map<String, String> query, String bearer, String what, String... secrets) {
        String target = query.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + form(query);
        return send(request(target, bearer).GET().build(), what, secrets(query, bearer, secrets));
    }

    /**
     * {@code POST url} with a form body, with {@code bearer} in the Authorization header when not null. What was
     * committed before (a "publishing" mark) is made durable first: a call that changes something at Instagram must
     * find its mark after a crash.
     */
    public JsonNode post(String url, Map<String, String> form, String bearer, String what, String... secrets) {
        durable.await();
        return postRepeatable(url, form, bearer, what, secrets);
    }

    /**
     * {@code POST url} as {@link #post}, for a call that may be made again after a crash without harm (a container
     * Feedgram would create anew), so it does not wait for earlier commits to reach the database's file.
     */
    public JsonNode postRepeatable(String url, Map<String, String> form, String bearer, String what, String... secrets) {
        HttpRequest request = request(url, bearer)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
        return send(request, what, secrets(form, bearer, secrets));
    }

    /** {@code DELETE url}, with {@code bearer} in the Authorization header; durable first, as {@link #post}. */
    public JsonNode delete(String url, String bearer, String what, String... secrets) {
        durable.await();
        return send(request(url, bearer).DELETE().build(), what, secrets(Map.of(), bearer, secrets));
    }

    /**
     * A Graph list and the lists its {@code paging.next} links to, at most {@link #MAX_LISTS}. A
     * next link that leaves the first URL's scheme, host and port is refused: the token would go with it.
     */
    public List<JsonNode> getAll(String url, Map<String, String> query, String bearer, String what, String... secrets) {
        List<JsonNode> lists = new ArrayList<>();
        lists.add(get(url, query, bearer, what, secrets));
        URI origin = URI.create(url);
        for (Optional<String> next = next(lists.get(0)); next.isPresent() && lists.size() < MAX_LISTS;
             next = next(lists.get(lists.size() - 1))) {
            URI link = URI.create(next.get());
            if (!sameOrigin(origin, link)) {
                throw new GraphException.Unanswered(what + ": paging.next points to another host", null);
            }
            lists.add(get(next.get(), Map.of(), bearer, what, secrets(query, bearer, secrets).toArray(String[]::new)));
        }
        return lists;
    }

    private HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.requestTimeout())
                .header("Accept", "application/json");
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private JsonNode send(HttpRequest request, String what, List<String> secrets) {
        long start = System.nanoTime();
        try {
            JsonNode body = exchange(request, what, secrets);
            calls.record(request, start, null);
            return body;
        } catch (GraphException failure) {
            calls.record(request, start, failure);
            throw failure;
        }
    }

    private JsonNode exchange(HttpRequest request, String what, List<String> secrets) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GraphException.Unanswered("no answer from Instagram for " + what + ": "
                    + redact(e.toString(), secrets), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException.Unanswered("interrupted while calling Instagram for " + what, e);
        }
        JsonNode body = parse(response.body(), what, response.statusCode());
        if (response.statusCode() / 100 == 2 && !body.has("error") && !body.has("error_message")) {
            return body;
        }
        GraphError error = error(body, secrets);
        if (error == null) {
            throw new GraphException.Unanswered("HTTP " + response.statusCode() + " without a Graph error from " + what, null);
        }
        throw new GraphException.Refused(response.statusCode(), error, retryAfter(response));
    }

    /** The Graph envelope, or Instagram Login's {@code {"error_type","code","error_message"}}; null when neither. */
    static GraphError error(JsonNode body, List<String> secrets) {
        JsonNode error = body.path("error");
        if (error.isObject()) {
            return new GraphError(
                    error.path("code").asInt(),
                    error.hasNonNull("error_subcode") ? error.path("error_subcode").asInt() : null,
                    error.path("type").asText(null),
                    redact(error.path("message").asText(""), secrets),
                    redact(error.path("error_user_title").asText(null), secrets),
                    redact(error.path("error_user_msg").asText(null), secrets),
                    error.path("fbtrace_id").asText(null));
        }
        if (body.hasNonNull("error_message")) {
            return new GraphError(body.path("code").asInt(), null, body.path("error_type").asText(null),
                    redact(body.path("error_message").asText(), secrets), null, null, null);
        }
        return null;
    }

    /** Graph messages can quote the token ("Malformed access token ..."); it must not travel further. */
    static String redact(String text, String... secrets) {
        return redact(text, List.of(secrets));
    }

    private static String redact(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String clean = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                clean = clean.replace(secret, "[redacted]");
            }
        }
        return clean;
    }

    private static List<String> secrets(Map<String, String> parameters, String bearer, String... named) {
        return Stream.of(Stream.of(bearer), Stream.of(named),
                        parameters.entrySet().stream().filter(e -> SECRET_PARAMETERS.contains(e.getKey())).map(Map.Entry::getValue))
                .flatMap(s -> s).filter(Objects::nonNull).toList();
    }

    private static boolean sameOrigin(URI origin, URI link) {
        return origin.getScheme().equalsIgnoreCase(String.valueOf(link.getScheme()))
                && origin.getHost().equalsIgnoreCase(String.valueOf(link.getHost()))
                && origin.getPort() == link.getPort();
    }

    private JsonNode parse(String body, String what, int status) {
        try {
            JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body);
            if (!node.isObject()) {
                throw new GraphException.Unanswered("HTTP " + status + " with a body that is not a JSON object from " + what, null);
            }
            return node;
        } catch (IOException e) {
            throw new GraphException.Unanswered("HTTP " + status + " with a body that is not JSON from " + what, e);
        }
    }

    /** The longest {@code estimated_time_to_regain_access} (minutes) in the BUC usage header. */
    private Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("X-Business-Use-Case-Usage").map(header -> {
            try {
                long minutes = 0;
                for (JsonNode entries : json.readTree(header)) {
                    for (JsonNode entry : entries) {
                        minutes = Math.max(minutes, entry.path("estimated_time_to_regain_access").asLong(0));
                    }
                }
                return minutes > 0 ? Duration.ofMinutes(minutes) : null;
            } catch (IOException e) {
                return null;
            }
        }).orElse(null);
    }

    /** The next list of a Graph list, if any. */
    static Optional<String> next(JsonNode list) {
        return text(list.path("paging"), "next");
    }

    /** A non-blank text or number field. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** {@code application/x-www-form-urlencoded}, also the query-string encoding. */
    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Parameters in the order given, as Meta's documentation lists them. */
    public static Map<String, String> parameters(String... keyValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        return parameters;
    }
}
