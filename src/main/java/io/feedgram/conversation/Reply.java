package io.feedgram.conversation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One message Feedgram sends, as stored and as the API shows it (the lease stays inside). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Reply(String id, String account, ReplyKind kind, String conversationId, String recipientId,
                    String commentId, String text, ReplyStatus status, Instant dueAt, @JsonIgnore String leaseOwner,
                    int attempts, Instant sendStartedAt, Instant sentAt, String instagramId, Integer errorCode,
                    Integer errorSubcode, String reason, Instant createdAt) {
}
