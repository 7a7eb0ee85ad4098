package io.feedgram.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.feedgram.account.AccountCredentials;
import io.feedgram.graph.EngagementClient;
import io.feedgram.graph.GraphCredentials;
import io.feedgram.graph.GraphException;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends each due reply exactly once (the messaging route's steps), with the rules of {@code media_publish}
 * (docs/architecture.md): "sending" is recorded before the call and Instagram's id right after it; a reply
 * whose answer was lost (no answer, a server error, a crash in between) is read back from Instagram before
 * anything is sent again. Direct messages keep the account's pace (deferred, never dropped) and their window.
 */
@Component
public class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);
    /** How far before the recorded start a read-back still takes a message as ours (clocks differ). */
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final Duration HOUR = Duration.ofHours(1);

    private final OutgoingMessages replies;
    private final Conversations conversations;
    private final ReplyWindows windows;
    private final SendRefusals refusals;
    private final EngagementClient graph;
    private final AccountCredentials accounts;
    private final MessagingProperties properties;
    private final Clock clock;

    public MessageSender(OutgoingMessages replies, Conversations conversations, ReplyWindows windows,
                         SendRefusals refusals, EngagementClient graph, AccountCredentials accounts,
                         MessagingProperties properties, Clock clock) {
        this.replies = replies;
        this.conversations = conversations;
        this.windows = windows;
        this.refusals = refusals;
        this.graph = graph;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    public List<Reply> claim() {
        return replies.claim(properties.batchSize(), clock.instant().plus(properties.lease()));
    }

    public void send(@Body Reply reply) {
        GraphCredentials account = accounts.require(reply.account());
        Instant now = clock.instant();
        if (reply.kind().isDirectMessage() && account.messagingNode().isEmpty()) {
            replies.failed(reply, null, null, GraphCredentials.PAGE_UNKNOWN);   // never sent: there is no Page to send from
            return;
        }
        if (reply.status() == ReplyStatus.SENDING) {
            Optional<String> delivered;
            try {
                delivered = readBack(account, reply);
            } catch (GraphException e) {
                replies.later(reply, now.plus(properties.retryDelay(reply.attempts())), true, false,
                        "Whether Instagram has the reply is not known yet; reading it back failed: " + e.getMessage());
                return;
            }
            if (delivered.isPresent()) {
                log.info("Reply {} was sent before its answer was lost: Instagram has it as {}", reply.id(), delivered.get());
                replies.sent(reply, delivered.get());
                return;
            }
        }
        if (reply.kind().isDirectMessage()) {
            Optional<String> closed = windowClosed(reply, now);
            if (closed.isPresent()) {
                replies.failed(reply, null, null, closed.get());
                return;
            }
            List<Instant> lastHour = replies.directMessagesSince(reply.account(), now.minus(HOUR));
            if (lastHour.size() >= properties.perHour()) {
                Instant next = lastHour.get(lastHour.size() - properties.perHour()).plus(HOUR);
                replies.later(reply, next, false, false, "Paced: " + lastHour.size() + " direct messages sent in the last"
                        + " hour (feedgram.messaging.per-hour is " + properties.perHour() + "); sent at " + next + ".");
                return;
            }
        }
        if (!replies.sending(reply)) {
            return;   // the claim was lost: another instance has it
        }
        try {
            replies.sent(reply, call(account, reply));
        } catch (GraphException e) {
            SendRefusals.Verdict verdict = refusals.classify(e);
            switch (verdict.outcome()) {
                case REFUSED -> {
                    var error = e instanceof GraphException.Refused r ? r.error() : null;
                    replies.failed(reply, error == null ? null : error.code(), error == null ? null : error.subcode(),
                            verdict.reason());
                }
                case LATER -> {
                    Duration wait = e instanceof GraphException.Refused r && r.retryAfter() != null
                            ? r.retryAfter() : properties.retryDelay(reply.attempts());
                    replies.later(reply, now.plus(wait), false, false, verdict.reason());
                }
                case UNKNOWN -> replies.later(reply, now.plus(properties.retryDelay(reply.attempts())), true, false,
                        verdict.reason());
            }
        }
    }

    /** The route's error handler: something unexpected (a bug, the database); looked at again after a wait. */
    public void failed(@Variable("reply") Reply reply, @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        log.warn("Reply {} could not be handled, looked at again later: {}", reply.id(), cause.toString());
        Instant later = clock.instant().plus(properties.retryDelay(reply.attempts()));
        boolean maybeSent = reply.status() == ReplyStatus.SENDING || cause instanceof GraphException;
        if (!maybeSent && reply.attempts() >= properties.maxRetries()) {
            replies.failed(reply, null, null, "Gave up after " + reply.attempts() + " attempts: " + cause.getMessage());
        } else {
            replies.later(reply, later, maybeSent, true, "Unexpected failure, retried: " + cause.getMessage());
        }
        release(reply);
    }

    public void release(@Variable("reply") Reply reply) {
        replies.release(reply);
    }

    private Optional<String> windowClosed(Reply reply, Instant now) {
        if (reply.kind() == ReplyKind.PRIVATE_REPLY) {
            return windows.privateReplyWindowClosed(reply.commentId(), now);
        }
        return windows.messageWindowClosed(
                conversations.find(reply.conversationId()).map(Conversations.Conversation::lastInboundAt).orElse(null), now);
    }

    private String call(GraphCredentials account, Reply reply) {
        return switch (reply.kind()) {
            case MESSAGE -> graph.sendMessage(account, reply.recipientId(), reply.text());
            case PRIVATE_REPLY -> graph.privateReply(account, reply.commentId(), reply.text());
            case COMMENT_REPLY -> graph.replyToComment(account, reply.commentId(), reply.text());
        };
    }

    /** Instagram's id for the reply if Instagram has it: the account's message or reply with its text, sent since it started. */
    private Optional<String> readBack(GraphCredentials account, Reply reply) {
        List<EngagementClient.Written> written = reply.kind() == ReplyKind.COMMENT_REPLY
                ? graph.comments(account, reply.commentId(), true)
                : graph.threadWith(account, reply.recipientId());
        Instant from = reply.sendStartedAt() == null ? Instant.EPOCH : reply.sendStartedAt().minus(SKEW);
        return written.stream()
                .filter(w -> account.igUserId().equals(w.fromId()) && reply.text().equals(w.text()))
                .filter(w -> w.at() == null || !w.at().isBefore(from))
                .map(EngagementClient.Written::id)
                .filter(id -> !replies.recorded(reply.account(), id))
                .findFirst();
    }
}
