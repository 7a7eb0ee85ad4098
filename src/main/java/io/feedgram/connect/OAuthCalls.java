package io.feedgram.connect;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.feedgram.graph.GraphProperties;
import io.feedgram.graph.MetaEndpoints;

/**
 * The HTTP calls of the connect flows, server to server. A call that does not answer 2xx with
 * JSON fails with {@link ConnectError#TOKEN_EXCHANGE_FAILED} and a description that names the
 * step and Meta's error, never the URL (it carries the secret) or a token.
 */
@Component
class OAuthCalls {

    private final GraphProperties graph;
    private final MetaEndpoints endpoints;
    private final Environment environment;
    private final ObjectMapper json;
    private final HttpClient http;

    OAuthCalls(GraphProperties graph, MetaEndpoints endpoints, Environment environment, ObjectMapper json) {
        this.graph = graph;
        this.endpoints = endpoints;
        this.environment = environment;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(graph.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String resolve(String url) {
        return environment.resolveRequiredPlaceholders(url);
    }

    String instagramGraph() {
        return endpoints.instagramGraph();
    }

    String facebookGraph() {
        return endpoints.facebookGraph() + "/" + graph.version();
    }

    MetaEndpoints endpoints() {
        return endpoints;
    }

    String version() {
        return graph.version();
    }

    /** {@code POST api.instagram.com/oauth/access_token} as a form. */
    JsonNode postInstagramCode(Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.instagramToken()))
                .timeout(graph.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query(form)))
                .build();
        return send(request, "the Instagram code exchange");
    }

    /** {@code GET base/path?query}, optionally with a bearer token. */
    JsonNode get(String base, String path, Map<String, String> query, String bearer, String step) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/" + path + "?" + query(query)))
                .timeout(graph.requestTimeout())
                .header("Accept", "application/json")
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build(), step);
    }

    /** A {@code paging.next} URL as Meta returned it. */
    JsonNode getAbsolute(String url, String bearer, String step) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(graph.requestTimeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build();
        return send(request, step);
    }

    private JsonNode send(HttpRequest request, String step) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectFailure(ConnectError.TOKEN_EXCHANGE_FAILED, step + ": no answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectFailure(ConnectError.TOKEN_EXCHANGE_FAILED, step + ": interrupted");
        }
        JsonNode body;
        try {
            body = json.readTree(response.body() == null ? "" : response.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new ConnectFailure(ConnectError.TOKEN_EXCHANGE_FAILED, step + ": HTTP " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() / 100 != 2 || body.has("error") || body.has("error_message")) {
            throw new ConnectFailure(ConnectError.TOKEN_EXCHANGE_FAILED, step + ": HTTP " + response.statusCode() + ", "
                    + OAuthResponses.describeError(body));
        }
        return body;
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> parameters(String... keyValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        return parameters;
    }
}
