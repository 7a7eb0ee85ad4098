package io.feedgram.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.feedgram.api.ApiProblem;
import io.feedgram.api.FieldError;
import io.feedgram.api.Page;
import io.feedgram.api.PageCursor;
import io.feedgram.api.PageRequest;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static io.feedgram.system.SqlTime.instant;

/**
 * Conversations under {@code /api/v1/conversations}: the threads, their messages both ways, and a reply, which
 * is stored (202) and sent by the messaging route. A reply outside Instagram's 24-hour window is refused (409)
 * before anything is stored.
 */
@Component("conversationApi")
public class ConversationApi {

    /** A thread as listed: who, when they last wrote, until when a reply is possible. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConversationView(String id, String account, String participantId, Instant lastInboundAt,
                                   Instant lastMessageAt, Instant replyWindowClosesAt) {
    }

    /** One message of a thread: from the person ({@code in}) or sent by Feedgram ({@code out}, with its status). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MessageView(String direction, String id, String text, Instant at, String eventType, String status,
                              String instagramId, String reason) {
    }

    private final Conversations conversations;
    private final OutgoingMessages replies;
    private final ReplyWindows windows;
    private final MessagingProperties properties;
    private final ReplyRequests requests;
    private final JdbcClient jdbc;
    private final Clock clock;

    public ConversationApi(Conversations conversations, OutgoingMessages replies, ReplyWindows windows,
                           MessagingProperties properties, ReplyRequests requests, JdbcClient jdbc, Clock clock) {
        this.conversations = conversations;
        this.replies = replies;
        this.windows = windows;
        this.properties = properties;
        this.requests = requests;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Page<ConversationView> list(@Header("account") String account, @Header("limit") String limit,
                                       @Header("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest page = PageRequest.read(limit, cursor, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        PageCursor after = page.after();
        return Page.of(conversations.page(account == null || account.isBlank() ? null : account.trim(),
                        after == null ? null : after.createdAt(), after == null ? null : after.id(), page.fetchSize()),
                page, c -> new PageCursor(c.lastMessageAt(), c.id()), this::view);
    }

    /** The thread's messages both ways, newest first. */
    public List<MessageView> messages(@Header("id") String id) {
        Conversations.Conversation conversation = find(id);
        List<MessageView> all = new ArrayList<>(jdbc.sql("""
                        select id, text, occurred_at, type from inbound_event
                        where conversation_id = ? and type in ('MESSAGE', 'MESSAGE_DELETED', 'MESSAGE_EDIT', 'POSTBACK')""")
                .param(conversation.id())
                .query((rs, n) -> new MessageView("in", rs.getString("id"), rs.getString("text"),
                        instant(rs, "occurred_at"), rs.getString("type"), null, null, null))
                .list());
        replies.ofConversation(conversation.id()).forEach(r -> all.add(new MessageView("out", r.id(), r.text(),
                r.sentAt() != null ? r.sentAt() : r.createdAt(), null, r.status().name(), r.instagramId(), r.reason())));
        all.sort(Comparator.comparing(MessageView::at).reversed());
        return all;
    }

    /** Stores a reply for sending; 409 outside the window; a repeated Idempotency-Key returns the first reply. */
    public Reply reply(@Header("id") String id, @Body String body, @Variable("apiKey") String apiKey,
                       @Header("Idempotency-Key") String idempotencyKey) {
        Conversations.Conversation conversation = find(id);
        String text = requests.text(body);
        String key = requests.key(apiKey, "message", idempotencyKey);
        Optional<Reply> first = key == null ? Optional.empty() : replies.findByKey(key);
        if (first.isPresent()) {
            return first.get();   // answered as the first request was, even if the window closed since
        }
        windows.messageWindowClosed(conversation.lastInboundAt(), clock.instant()).ifPresent(reason -> {
            throw ApiProblem.conflict(reason);
        });
        return replies.queue(new OutgoingMessages.NewReply(conversation.accountId(), ReplyKind.MESSAGE,
                conversation.id(), conversation.participantId(), null, text, key));
    }

    public Reply getReply(@Header("id") String id) {
        return replies.find(id).orElseThrow(() -> ApiProblem.notFound("No reply with id " + id + "."));
    }

    private Conversations.Conversation find(String id) {
        return conversations.find(id).orElseThrow(() -> ApiProblem.notFound("No conversation with id " + id + "."));
    }

    private ConversationView view(Conversations.Conversation c) {
        return new ConversationView(c.id(), c.accountId(), c.participantId(), c.lastInboundAt(), c.lastMessageAt(),
                c.lastInboundAt() == null ? null : c.lastInboundAt().plus(properties.window()));
    }
}
