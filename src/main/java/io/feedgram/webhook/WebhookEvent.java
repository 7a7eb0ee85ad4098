package io.feedgram.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a webhook delivery, typed by its field (docs/instagram.md#webhook-payloads). Every
 * variant keeps the event exactly as Instagram sent it in {@code raw}, so no field is ever lost,
 * and names what makes it the same event when Meta delivers it again ({@link #identity()}).
 */
public sealed interface WebhookEvent {

    /** The Instagram account the entry is for ({@code entry[].id}). */
    String igAccountId();

    Instant occurredAt();

    JsonNode raw();

    EventType type();

    /** What makes this event itself, whichever delivery or batch carries it. */
    String identity();

    EventFacts facts();

    /** Who wrote a comment or message: an Instagram-scoped id and, for comments, the username. */
    record Person(String id, String username) {
    }

    /** An attachment of a direct message: {@code image}, {@code video}, {@code ig_post}, {@code story_mention}... */
    record Attachment(String type, String url) {
    }

    /** {@code comments} or {@code live_comments}: {@code value.id} or, in the Facebook Login shape, {@code value.comment_id}. */
    record Comment(String igAccountId, Instant occurredAt, JsonNode raw, String id, String parentId, Person from,
                   String text, String mediaId, String originalMediaId, String mediaProductType, boolean live)
            implements WebhookEvent {
        public EventType type() {
            return EventType.COMMENT;
        }

        public String identity() {
            return id;
        }

        public EventFacts facts() {
            return new EventFacts(from.id(), from.username(), null, false,
                    originalMediaId != null ? originalMediaId : mediaId, id, null, text);
        }
    }

    /** {@code mentions}: a caption mention carries only the media. */
    record Mention(String igAccountId, Instant occurredAt, JsonNode raw, String commentId, String mediaId)
            implements WebhookEvent {
        public EventType type() {
            return EventType.MENTION;
        }

        public String identity() {
            return commentId != null ? commentId : mediaId;
        }

        public EventFacts facts() {
            return new EventFacts(null, null, null, false, mediaId, commentId, null, null);
        }
    }

    /** {@code messages}: a person's message, the account's own echoed back, an unsent or an edited one. */
    record Message(String igAccountId, Instant occurredAt, JsonNode raw, EventType type, Person sender, Person recipient,
                   String mid, String text, List<Attachment> attachments, String replyToMid)
            implements WebhookEvent {
        public Message {
            attachments = List.copyOf(attachments);
        }

        public String identity() {
            return type == EventType.MESSAGE_EDIT ? mid + "@" + raw.path("message_edit").path("num_edit").asText() : mid;
        }

        public EventFacts facts() {
            boolean echo = type == EventType.MESSAGE_ECHO;
            return new EventFacts(sender.id(), null, echo ? recipient.id() : sender.id(),
                    type == EventType.MESSAGE, null, null, mid, text);
        }
    }

    /** {@code messaging_postbacks}: an icebreaker or a button. */
    record Postback(String igAccountId, Instant occurredAt, JsonNode raw, Person sender, String mid, String title,
                    String payload) implements WebhookEvent {
        public EventType type() {
            return EventType.POSTBACK;
        }

        public String identity() {
            return mid != null ? mid : sender.id() + "@" + occurredAt.toEpochMilli() + ":" + payload;
        }

        public EventFacts facts() {
            return new EventFacts(sender.id(), null, sender.id(), true, null, null, mid, title);
        }
    }

    /** {@code message_reactions}: {@code unreact} has no reaction or emoji. */
    record Reaction(String igAccountId, Instant occurredAt, JsonNode raw, Person sender, String mid, String action,
                    String reaction, String emoji) implements WebhookEvent {
        public EventType type() {
            return EventType.REACTION;
        }

        public String identity() {
            return mid + ":" + sender.id() + ":" + action + ":" + occurredAt.toEpochMilli();
        }

        public EventFacts facts() {
            return new EventFacts(sender.id(), null, sender.id(), false, null, null, mid, emoji);
        }
    }

    /** {@code messaging_seen}: Instagram names the message read ({@code read.mid}), not a watermark. */
    record Seen(String igAccountId, Instant occurredAt, JsonNode raw, Person sender, String mid)
            implements WebhookEvent {
        public EventType type() {
            return EventType.SEEN;
        }

        public String identity() {
            return mid + ":" + sender.id();
        }

        public EventFacts facts() {
            return new EventFacts(sender.id(), null, sender.id(), false, null, null, mid, null);
        }
    }

    /** A field Feedgram does not read (yet): stored whole. */
    record Other(String igAccountId, Instant occurredAt, JsonNode raw, String field) implements WebhookEvent {
        public EventType type() {
            return EventType.OTHER;
        }

        public String identity() {
            return field + ":" + raw;
        }

        public EventFacts facts() {
            return new EventFacts(null, null, null, false, null, null, null, field);
        }
    }
}
