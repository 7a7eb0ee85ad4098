package io.feedgram.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Drives the sandbox's control API over real HTTP, as a person or a CI script would. */
public final class SandboxControl {

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    public SandboxControl(int port) {
        this.base = "http://localhost:" + port + "/sandbox";
    }

    public void reset() {
        send("POST", "/_reset", "{}");
    }

    public void fault(String name, Integer times) {
        send("POST", "/_faults", times == null ? "{\"fault\":\"" + name + "\"}"
                : "{\"fault\":\"" + name + "\",\"times\":" + times + "}");
    }

    /** A fault that hits one account only. */
    public void faultFor(String name, String igUserId, Integer times) {
        send("POST", "/_faults", "{\"fault\":\"" + name + "\",\"igUserId\":\"" + igUserId + "\""
                + (times == null ? "" : ",\"times\":" + times) + "}");
    }

    public void clearFaults() {
        send("DELETE", "/_faults", null);
    }

    public void advanceClock(String isoDuration) {
        send("POST", "/_clock", "{\"advance\":\"" + isoDuration + "\"}");
    }

    public void configure(String settingsJson) {
        send("POST", "/_config", settingsJson);
    }

    public void expireToken(String token) {
        send("POST", "/_tokens/expire", "{\"token\":\"" + token + "\"}");
    }

    /** Another tool published {@code count} times on the account: its quota is used without Feedgram knowing. */
    public void outsidePublishes(String igUserId, int count) {
        send("POST", "/_outside-publishes", "{\"igUserId\":\"" + igUserId + "\",\"count\":" + count + "}");
    }

    /** Every media published for an account whose container parameters mention {@code marker}. */
    public List<JsonNode> published(String igUserId, String marker) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode media : published().path(igUserId)) {
            if (media.toString().contains(marker)) {
                found.add(media);
            }
        }
        return found;
    }

    /** Everything published, by IG user id: {@code GET /sandbox/_inspect/published}. */
    public JsonNode published() {
        return send("GET", "/_inspect/published", null);
    }

    /** The Graph calls answered since the last reset or clearing, by host, method and path shape. */
    public JsonNode calls() {
        return send("GET", "/_inspect/calls", null);
    }

    public void clearCalls() {
        send("DELETE", "/_inspect/calls", null);
    }

    /** A person comments on a published media; the sandbox delivers the signed webhook. Returns the comment id. */
    public String personComments(String mediaId, String fromId, String text) {
        return personComments(mediaId, fromId, text, null);
    }

    /** A comment made at {@code at} on the sandbox clock (null: now). */
    public String personComments(String mediaId, String fromId, String text, java.time.Instant at) {
        var body = json.createObjectNode().put("mediaId", mediaId).put("fromId", fromId).put("text", text);
        if (at != null) {
            body.put("at", at.toString());
        }
        return send("POST", "/_people/comment", body.toString()).path("id").asText();
    }

    /** A person sends a direct message at {@code at} (null: now); the sandbox delivers the signed webhook. */
    public String personMessages(String igUserId, String fromId, String text, java.time.Instant at) {
        var body = json.createObjectNode().put("igUserId", igUserId).put("fromId", fromId).put("text", text);
        if (at != null) {
            body.put("at", at.toString());
        }
        return send("POST", "/_people/message", body.toString()).path("mid").asText();
    }

    public void personBlocks(String igUserId, String fromId) {
        send("POST", "/_people/block", json.createObjectNode().put("igUserId", igUserId).put("fromId", fromId).toString());
    }

    /** A GET under /sandbox, e.g. {@code /_inspect/messages}. */
    public JsonNode inspect(String path) {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
