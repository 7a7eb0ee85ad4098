package io.feedgram.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The other side of the conversation, as controls under {@code /sandbox/_people}: a person comments on a
 * published media, mentions an account, or sends it a direct message, and the sandbox delivers the signed
 * webhook Meta would (docs/instagram.md#webhook-payloads). What the accounts sent back, and the deliveries,
 * are listed under {@code /sandbox/_inspect}. Guarded like every control ({@link SandboxControlGuard}).
 */
@RestController
@RequestMapping("/sandbox")
@ConditionalOnProperty(prefix = "feedgram.sandbox", name = "enabled", havingValue = "true")
final class SandboxPeopleController {

    /** A comment by a person; {@code at} (default now) places it in the past, e.g. for the 7-day rule. */
    record CommentRequest(String mediaId, String fromId, String username, String text, Instant at) {
    }

    /** A direct message from a person to an account; {@code at} (default now) places it in the past. */
    record MessageRequest(String igUserId, String fromId, String text, Instant at) {
    }

    record BlockRequest(String igUserId, String fromId) {
    }

    private final SandboxInbox inbox;
    private final SandboxMedia media;
    private final SandboxWebhooks webhooks;
    private final SandboxClock clock;
    private final GraphIds ids;

    SandboxPeopleController(SandboxInbox inbox, SandboxMedia media, SandboxWebhooks webhooks, SandboxClock clock,
                            GraphIds ids) {
        this.inbox = inbox;
        this.media = media;
        this.webhooks = webhooks;
        this.clock = clock;
        this.ids = ids;
    }

    @PostMapping("/_people/comment")
    Map<String, Object> comment(@RequestBody CommentRequest request) {
        require(request.mediaId() != null && request.fromId() != null && request.text() != null,
                "mediaId, fromId and text are required");
        PublishedMedia item = media.find(request.mediaId()).orElseThrow(() -> SandboxControlProblems.refusal(
                HttpStatus.NOT_FOUND, "unknown-media", "Unknown media", "the sandbox published no media " + request.mediaId()));
        String username = request.username() != null ? request.username() : "person_" + request.fromId();
        Instant at = request.at() != null ? request.at() : clock.now();
        String id = ids.nextCommentId();
        inbox.add(new SandboxInbox.Comment(id, item.id(), item.owner(), request.fromId(), username, request.text(), at,
                null, false, false));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", id);
        value.put("from", Map.of("id", request.fromId(), "username", username));
        value.put("text", request.text());
        value.put("media", Map.of("id", item.id(), "media_product_type", item.mediaProductType()));
        webhooks.deliver(item.owner(), envelope(item.owner(), at.getEpochSecond(),
                "changes", List.of(Map.of("field", "comments", "value", value))));
        return Map.of("id", id, "mediaId", item.id(), "owner", item.owner());
    }

    @PostMapping("/_people/message")
    Map<String, Object> message(@RequestBody MessageRequest request) {
        require(request.igUserId() != null && request.fromId() != null && request.text() != null,
                "igUserId, fromId and text are required");
        Instant at = request.at() != null ? request.at() : clock.now();
        String mid = ids.nextMessageId();
        SandboxInbox.Thread thread = inbox.record(request.igUserId(), request.fromId(), ids.nextThreadId(),
                new SandboxInbox.Message(mid, request.fromId(), request.igUserId(), request.text(), at), true);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sender", Map.of("id", request.fromId()));
        event.put("recipient", Map.of("id", request.igUserId()));
        event.put("timestamp", at.toEpochMilli());
        event.put("message", Map.of("mid", mid, "text", request.text()));
        webhooks.deliver(request.igUserId(), envelope(request.igUserId(), at.toEpochMilli(), "messaging", List.of(event)));
        return Map.of("mid", mid, "threadId", thread.id());
    }

    /** The person blocks the account: sends to them answer 551/1545041. */
    @PostMapping("/_people/block")
    Map<String, Object> block(@RequestBody BlockRequest request) {
        require(request.igUserId() != null && request.fromId() != null, "igUserId and fromId are required");
        inbox.block(request.igUserId(), request.fromId());
        return Map.of("blocked", true);
    }

    /** Every thread, with the messages both sides sent, keyed by account and person. */
    @GetMapping("/_inspect/messages")
    Map<String, Object> messages() {
        Map<String, Object> view = new LinkedHashMap<>();
        inbox.allThreads().forEach((key, thread) -> view.put(key, thread.messages()));
        return view;
    }

    @GetMapping("/_inspect/comments")
    List<SandboxInbox.Comment> comments(@org.springframework.web.bind.annotation.RequestParam("mediaId") String mediaId) {
        return inbox.allOn(mediaId);
    }

    @GetMapping("/_inspect/webhooks")
    List<SandboxWebhooks.Delivery> webhooks() {
        return webhooks.list();
    }

    private static Map<String, Object> envelope(String owner, long time, String kind, Object events) {
        return Map.of("object", "instagram", "entry", List.of(Map.of("id", owner, "time", time, kind, events)));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
