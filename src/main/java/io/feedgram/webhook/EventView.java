package io.feedgram.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A stored event as the API shows it and as the webhooks route hands it to a user's own step. {@code raw}
 * is the event exactly as Instagram sent it, every field kept.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventView(String id, String account, String igAccountId, EventType type, Instant occurredAt,
                        Instant receivedAt, String senderId, String senderUsername, String conversationId,
                        String mediaId, String commentId, String messageId, String text,
                        @JsonRawValue String raw) {
}
