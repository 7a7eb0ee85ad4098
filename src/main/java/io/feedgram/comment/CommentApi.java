package io.feedgram.comment;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import io.feedgram.account.AccountCredentials;
import io.feedgram.api.ApiProblem;
import io.feedgram.conversation.OutgoingMessages;
import io.feedgram.conversation.Reply;
import io.feedgram.conversation.ReplyKind;
import io.feedgram.conversation.ReplyRequests;
import io.feedgram.conversation.ReplyWindows;
import io.feedgram.graph.EngagementClient;
import io.feedgram.graph.GraphException;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Comments under {@code /api/v1/comments/{id}}: a public reply or the one private reply (both stored, 202, and
 * sent once by the messaging route), and hiding or deleting the comment (answered at once). The comment must
 * have arrived by webhook: that is how Feedgram knows its account and its author.
 */
@Component("commentApi")
public class CommentApi {

    /** A comment Feedgram received: whose account's media it is on, and who wrote it. */
    record ReceivedComment(String id, String account, String authorId) {
    }

    private final JdbcClient jdbc;
    private final OutgoingMessages replies;
    private final ReplyRequests requests;
    private final ReplyWindows windows;
    private final EngagementClient graph;
    private final AccountCredentials accounts;
    private final Clock clock;

    public CommentApi(JdbcClient jdbc, OutgoingMessages replies, ReplyRequests requests, ReplyWindows windows,
                      EngagementClient graph, AccountCredentials accounts, Clock clock) {
        this.jdbc = jdbc;
        this.replies = replies;
        this.requests = requests;
        this.windows = windows;
        this.graph = graph;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A public reply under the comment. */
    public Reply reply(@Header("id") String id, @Body String body, @Variable("apiKey") String apiKey,
                       @Header("Idempotency-Key") String idempotencyKey) {
        ReceivedComment comment = find(id);
        String text = requests.text(body);
        String key = requests.key(apiKey, "comment-reply", idempotencyKey);
        return replies.queue(new OutgoingMessages.NewReply(comment.account(), ReplyKind.COMMENT_REPLY, null, null,
                comment.id(), text, key));
    }

    /** The one private reply (a direct message to the author), within 7 days of the comment; 409 otherwise. */
    public Reply privateReply(@Header("id") String id, @Body String body, @Variable("apiKey") String apiKey,
                              @Header("Idempotency-Key") String idempotencyKey) {
        ReceivedComment comment = find(id);
        String text = requests.text(body);
        String key = requests.key(apiKey, "private-reply", idempotencyKey);
        Optional<Reply> first = key == null ? Optional.empty() : replies.findByKey(key);
        if (first.isPresent()) {
            return first.get();
        }
        replies.privateReplyTo(comment.id()).ifPresent(earlier -> {
            throw ApiProblem.conflict("Instagram takes one private reply per comment; reply " + earlier.id()
                    + " is it (" + earlier.status() + ").");
        });
        windows.privateReplyWindowClosed(comment.id(), clock.instant()).ifPresent(reason -> {
            throw ApiProblem.conflict(reason);
        });
        return replies.queue(new OutgoingMessages.NewReply(comment.account(), ReplyKind.PRIVATE_REPLY, null,
                comment.authorId(), comment.id(), text, key));
    }

    public Map<String, Object> hide(@Header("id") String id) {
        return hidden(id, true);
    }

    public Map<String, Object> unhide(@Header("id") String id) {
        return hidden(id, false);
    }

    private Map<String, Object> hidden(String id, boolean hide) {
        ReceivedComment comment = find(id);
        call(() -> graph.hideComment(accounts.require(comment.account()), comment.id(), hide));
        return Map.of("comment_id", comment.id(), "hidden", hide);
    }

    public Map<String, Object> delete(@Header("id") String id) {
        ReceivedComment comment = find(id);
        call(() -> graph.deleteComment(accounts.require(comment.account()), comment.id()));
        return Map.of("comment_id", comment.id(), "deleted", true);
    }

    /** Instagram's refusal is the caller's to read (422); no answer at all is a 502. */
    private static void call(Runnable graphCall) {
        try {
            graphCall.run();
        } catch (GraphException.Refused e) {
            throw new ApiProblem(422, "instagram-refused", "Instagram refused", e.error().describe(), null);
        } catch (GraphException.Unanswered e) {
            throw new ApiProblem(502, "instagram-unavailable", "Instagram did not answer",
                    "Instagram did not answer; try again later.", null);
        }
    }

    private ReceivedComment find(String id) {
        return jdbc.sql("""
                        select comment_id, account_id, sender_id from inbound_event
                        where comment_id = ? and type = 'COMMENT' and account_id is not null""")
                .param(id)
                .query((rs, n) -> new ReceivedComment(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list().stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("No comment " + id + " has arrived by webhook."));
    }
}
