package io.feedgram.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The Graph calls after the post (docs/instagram.md#messaging and #comments): direct messages and private
 * replies (Send API), reading a thread back, comments and replies, hiding and deleting, and the app's webhook
 * subscription. Sends are not idempotent: the callers record before and read back when an answer is lost.
 * Messages, conversations and the subscription go through {@link GraphCredentials#messagingNode()} (the Page on
 * Facebook Login); callers check that it is known first.
 */
@Component
public class EngagementClient {

    /** A message of a thread or a comment, as read back: who wrote it, what, and when. */
    public record Written(String id, String fromId, String text, Instant at) {
    }

    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final MetaTransport transport;
    private final MetaEndpoints endpoints;
    private final ObjectMapper json;

    public EngagementClient(MetaTransport transport, MetaEndpoints endpoints, ObjectMapper json) {
        this.transport = transport;
        this.endpoints = endpoints;
        this.json = json;
    }

    /** {@code POST /{ig-user-id|page-id}/messages} to a person (IGSID): returns the message id. */
    public String sendMessage(GraphCredentials account, String recipientId, String text) {
        return send(account, json.createObjectNode().put("id", recipientId), text);
    }

    /** {@code POST /{ig-user-id|page-id}/messages} with {@code recipient.comment_id}: the one private reply to a comment. */
    public String privateReply(GraphCredentials account, String commentId, String text) {
        return send(account, json.createObjectNode().put("comment_id", commentId), text);
    }

    private String send(GraphCredentials account, JsonNode recipient, String text) {
        // Form fields holding JSON, as Meta's own curl example sends them.
        return post(account, node(account) + "/messages", MetaTransport.parameters(
                "recipient", recipient.toString(),
                "message", json.createObjectNode().put("text", text).toString()))
                .path("message_id").asText(null);
    }

    /** The newest messages of the thread with {@code personId} (Instagram details the last 20), newest first. */
    public List<Written> threadWith(GraphCredentials account, String personId) {
        JsonNode threads = get(account, node(account) + "/conversations",
                MetaTransport.parameters("platform", "instagram", "user_id", personId));
        List<Written> messages = new ArrayList<>();
        for (JsonNode thread : threads.path("data")) {
            JsonNode read = get(account, thread.path("id").asText(),
                    Map.of("fields", "messages{id,created_time,from,to,message}"));
            for (JsonNode message : read.path("messages").path("data")) {
                messages.add(new Written(message.path("id").asText(), message.path("from").path("id").asText(null),
                        message.path("message").asText(null), time(message.path("created_time").asText(null))));
            }
        }
        return messages;
    }

    /** {@code POST /{ig-media-id}/comments}: a comment by the account; returns its id. */
    public String comment(GraphCredentials account, String mediaId, String text) {
        return post(account, mediaId + "/comments", Map.of("message", text)).path("id").asText(null);
    }

    /** {@code POST /{ig-comment-id}/replies}: a public reply; returns its id. */
    public String replyToComment(GraphCredentials account, String commentId, String text) {
        return post(account, commentId + "/replies", Map.of("message", text)).path("id").asText(null);
    }

    /** {@code GET /{ig-media-id}/comments} (or a comment's {@code replies}): the newest, at most 50. */
    public List<Written> comments(GraphCredentials account, String mediaOrCommentId, boolean replies) {
        JsonNode list = get(account, mediaOrCommentId + (replies ? "/replies" : "/comments"),
                Map.of("fields", "id,text,timestamp,from"));
        List<Written> comments = new ArrayList<>();
        for (JsonNode comment : list.path("data")) {
            comments.add(new Written(comment.path("id").asText(), comment.path("from").path("id").asText(null),
                    comment.path("text").asText(null), time(comment.path("timestamp").asText(null))));
        }
        return comments;
    }

    /** {@code POST /{ig-comment-id}?hide=true|false}. */
    public void hideComment(GraphCredentials account, String commentId, boolean hide) {
        post(account, commentId, Map.of("hide", Boolean.toString(hide)));
    }

    /** {@code DELETE /{ig-comment-id}}. */
    public void deleteComment(GraphCredentials account, String commentId) {
        transport.delete(url(account, commentId), account.accessToken(), commentId, account.app().appSecret());
    }

    /** {@code POST /{ig-user-id|page-id}/subscribed_apps?subscribed_fields=...}: the app receives these webhooks for the account. */
    public void subscribe(GraphCredentials account, List<String> fields) {
        post(account, node(account) + "/subscribed_apps", Map.of("subscribed_fields", String.join(",", fields)));
    }

    private static String node(GraphCredentials account) {
        return account.messagingNode().orElseThrow(() -> new IllegalStateException(GraphCredentials.PAGE_UNKNOWN));
    }

    private JsonNode get(GraphCredentials account, String path, Map<String, String> query) {
        return transport.get(url(account, path), query, account.accessToken(), path, account.app().appSecret());
    }

    private JsonNode post(GraphCredentials account, String path, Map<String, String> parameters) {
        return transport.post(url(account, path), parameters, account.accessToken(), path, account.app().appSecret());
    }

    private String url(GraphCredentials account, String path) {
        return endpoints.graphUrl(account.login(), path);
    }

    /** Graph times are ISO-8601 with a {@code +0000} offset, or Unix seconds (docs/instagram.md#conversations). */
    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(text))
                    : OffsetDateTime.parse(text, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
