package io.feedgram.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * Reads a webhook body into typed events, defensively (docs/instagram.md#webhook-payloads): a body
 * wrapped in an array, comments with or without a {@code changes} array, {@code value.id} or
 * {@code value.comment_id}, times in seconds or milliseconds. What it does not know becomes
 * {@link WebhookEvent.Other}, never an error and never dropped.
 */
@Component
public class WebhookParser {

    /** Times after this many are milliseconds (2001 in ms; 33658 AD in seconds). */
    private static final long MILLIS_FROM = 1_000_000_000_000L;

    /** The events of {@code body}; an event without a usable time is given {@code receivedAt}. */
    public List<WebhookEvent> parse(JsonNode body, Instant receivedAt) {
        List<WebhookEvent> events = new ArrayList<>();
        for (JsonNode payload : body.isArray() ? body : List.of(body)) {
            for (JsonNode entry : payload.path("entry")) {
                entry(entry, receivedAt, events);
            }
        }
        return events;
    }

    private void entry(JsonNode entry, Instant receivedAt, List<WebhookEvent> events) {
        String account = text(entry, "id");
        Instant time = time(entry.path("time"), receivedAt);
        if (entry.has("field") && entry.has("value")) {
            events.add(change(account, time, entry));   // Instagram Login's documented comment shape
        }
        for (JsonNode change : entry.path("changes")) {
            events.add(change(account, time, change));
        }
        for (JsonNode messaging : entry.path("messaging")) {
            events.add(messaging(account, messaging, time));
        }
    }

    private WebhookEvent change(String account, Instant time, JsonNode change) {
        String field = change.path("field").asText("");
        JsonNode value = change.path("value");
        JsonNode media = value.path("media");
        return switch (field) {
            case "comments", "live_comments" -> new WebhookEvent.Comment(account, time, change,
                    text(value, "id") != null ? text(value, "id") : text(value, "comment_id"), text(value, "parent_id"),
                    person(value.path("from")), text(value, "text"), text(media, "id"), text(media, "original_media_id"),
                    text(media, "media_product_type"), field.equals("live_comments"));
            case "mentions" -> new WebhookEvent.Mention(account, time, change, text(value, "comment_id"),
                    text(value, "media_id"));
            default -> new WebhookEvent.Other(account, time, change, field);
        };
    }

    private WebhookEvent messaging(String account, JsonNode event, Instant entryTime) {
        Instant time = time(event.path("timestamp"), entryTime);
        WebhookEvent.Person sender = person(event.path("sender"));
        WebhookEvent.Person recipient = person(event.path("recipient"));
        JsonNode message = event.path("message");
        if (message.isObject()) {
            EventType type = message.path("is_deleted").asBoolean() ? EventType.MESSAGE_DELETED
                    : message.path("is_echo").asBoolean() ? EventType.MESSAGE_ECHO : EventType.MESSAGE;
            List<WebhookEvent.Attachment> attachments = new ArrayList<>();
            for (JsonNode attachment : message.path("attachments")) {
                JsonNode payload = attachment.path("payload");
                attachments.add(new WebhookEvent.Attachment(text(attachment, "type"),
                        text(payload, "url") != null ? text(payload, "url") : text(payload, "story_media_url")));
            }
            return new WebhookEvent.Message(account, time, event, type, sender, recipient, text(message, "mid"),
                    text(message, "text"), attachments, text(message.path("reply_to"), "mid"));
        }
        JsonNode edit = event.path("message_edit");
        if (edit.isObject()) {
            return new WebhookEvent.Message(account, time, event, EventType.MESSAGE_EDIT, sender, recipient,
                    text(edit, "mid"), text(edit, "text"), List.of(), null);
        }
        JsonNode postback = event.path("postback");
        if (postback.isObject()) {
            return new WebhookEvent.Postback(account, time, event, sender, text(postback, "mid"),
                    text(postback, "title"), text(postback, "payload"));
        }
        JsonNode reaction = event.path("reaction");
        if (reaction.isObject()) {
            return new WebhookEvent.Reaction(account, time, event, sender, text(reaction, "mid"),
                    text(reaction, "action"), text(reaction, "reaction"), text(reaction, "emoji"));
        }
        JsonNode read = event.path("read");
        if (read.isObject()) {
            return new WebhookEvent.Seen(account, time, event, sender, text(read, "mid"));
        }
        return new WebhookEvent.Other(account, time, event, firstOwnField(event));
    }

    private static WebhookEvent.Person person(JsonNode node) {
        return new WebhookEvent.Person(text(node, "id"), text(node, "username"));
    }

    /** The name of the event's own key in a messaging event nobody reads yet (e.g. {@code referral}). */
    private static String firstOwnField(JsonNode event) {
        for (var names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("sender", "recipient", "timestamp").contains(name)) {
                return name;
            }
        }
        return "messaging";
    }

    private static Instant time(JsonNode value, Instant fallback) {
        if (!value.canConvertToLong() && !value.isTextual()) {
            return fallback;
        }
        long number;
        try {
            number = value.isTextual() ? Long.parseLong(value.asText().trim()) : value.asLong();
        } catch (NumberFormatException e) {
            return fallback;
        }
        return number >= MILLIS_FROM ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
    }

    /** A text or number field as text; null when missing, null or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }
}
