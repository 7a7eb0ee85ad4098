package io.feedgram.conversation;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.feedgram.system.Columns;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The replies Feedgram sends, each stored before it is accepted (202) and claimed under a lease when due.
 * Every write of a claimed reply names its lease token, so a late worker changes nothing.
 */
@Repository
public class OutgoingMessages {

    /** What a new reply is; {@code key} is the hashed Idempotency-Key, or null. */
    public record NewReply(String account, ReplyKind kind, String conversationId, String recipientId, String commentId,
                           String text, String key) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public OutgoingMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a reply, due now; a repeated Idempotency-Key returns the reply the first request stored. */
    public Reply queue(NewReply reply) {
        if (reply.key() != null) {
            Optional<Reply> first = findByKey(reply.key());
            if (first.isPresent()) {
                return first.get();
            }
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        try {
            jdbc.sql("""
                    insert into outgoing_message (id, account_id, kind, conversation_id, recipient_id, comment_id, text,
                      idempotency_key, status, due_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
                    .params(id, reply.account(), reply.kind().name(), reply.conversationId(), reply.recipientId(),
                            reply.commentId(), reply.text(), reply.key(), at(now), at(now), at(now))
                    .update();
        } catch (DuplicateKeyException e) {
            return findByKey(reply.key()).orElseThrow();   // the same key, sent twice at once
        }
        return find(id).orElseThrow();
    }

    public Optional<Reply> find(String id) {
        return jdbc.sql("select * from outgoing_message where id = ?").param(id).query(OutgoingMessages::row).optional();
    }

    public Optional<Reply> findByKey(String key) {
        return jdbc.sql("select * from outgoing_message where idempotency_key = ?").param(key)
                .query(OutgoingMessages::row).optional();
    }

    /** The replies of a conversation, newest first. */
    public List<Reply> ofConversation(String conversationId) {
        return jdbc.sql("select * from outgoing_message where conversation_id = ? order by created_at desc, id desc")
                .param(conversationId).query(OutgoingMessages::row).list();
    }

    /** A private reply to the comment that is not refused for good: there may be only one. */
    public Optional<Reply> privateReplyTo(String commentId) {
        return jdbc.sql("""
                select * from outgoing_message where kind = 'PRIVATE_REPLY' and comment_id = ? and status <> 'FAILED'""")
                .param(commentId).query(OutgoingMessages::row).list().stream().findFirst();
    }

    /** Claims up to {@code limit} due replies, each under a lease with a token of its own. */
    List<Reply> claim(int limit, Instant leaseUntil) {
        Instant now = clock.instant();
        List<String> due = jdbc.sql("""
                select id from outgoing_message
                where status in ('QUEUED', 'SENDING') and due_at <= ? and (lease_until is null or lease_until < ?)
                order by due_at limit ?""")
                .params(at(now), at(now), limit).query(String.class).list();
        return due.stream().map(id -> {
            String token = UUID.randomUUID().toString();
            int taken = jdbc.sql("""
                    update outgoing_message set lease_owner = ?, lease_until = ?
                    where id = ? and (lease_until is null or lease_until < ?)""")
                    .params(token, at(leaseUntil), id, at(now)).update();
            return taken == 1 ? find(id).orElse(null) : null;
        }).filter(r -> r != null).toList();
    }

    void release(Reply reply) {
        jdbc.sql("update outgoing_message set lease_owner = null, lease_until = null where id = ? and lease_owner = ?")
                .params(reply.id(), reply.leaseOwner()).update();
    }

    /** The marker written before the call: from here on the reply may be out, and is read back before any resend. */
    boolean sending(Reply reply) {
        Instant now = clock.instant();
        return jdbc.sql("""
                update outgoing_message set status = 'SENDING', send_started_at = ?, attempts = attempts + 1, updated_at = ?
                where id = ? and lease_owner = ?""")
                .params(at(now), at(now), reply.id(), reply.leaseOwner()).update() == 1;
    }

    void sent(Reply reply, String instagramId) {
        Instant now = clock.instant();
        jdbc.sql("""
                update outgoing_message set status = 'SENT', instagram_id = ?, sent_at = ?, reason = null, updated_at = ?
                where id = ? and lease_owner = ?""")
                .params(instagramId, at(now), at(now), reply.id(), reply.leaseOwner()).update();
    }

    void failed(Reply reply, Integer code, Integer subcode, String reason) {
        jdbc.sql("""
                update outgoing_message set status = 'FAILED', error_code = ?, error_subcode = ?, reason = ?, updated_at = ?
                where id = ? and lease_owner = ?""")
                .params(code, subcode, Columns.fit(reason, 2000), at(clock.instant()), reply.id(), reply.leaseOwner())
                .update();
    }

    /**
     * Looks at the reply again at {@code dueAt}. {@code maybeSent} false: Instagram surely does not have it (paced,
     * refused for now), so it is sent afresh; true: it may have it, so it is read back first.
     */
    void later(Reply reply, Instant dueAt, boolean maybeSent, boolean countAttempt, String reason) {
        jdbc.sql("""
                update outgoing_message set status = ?, due_at = ?, reason = ?, updated_at = ?,
                  attempts = attempts + ?, send_started_at = case when ? then send_started_at else null end
                where id = ? and lease_owner = ?""")
                .params(maybeSent ? "SENDING" : "QUEUED", at(dueAt), Columns.fit(reason, 2000), at(clock.instant()),
                        countAttempt ? 1 : 0, maybeSent, reply.id(), reply.leaseOwner())
                .update();
    }

    /** Direct messages of the account whose send started at or after {@code since}, oldest first: what paces it. */
    List<Instant> directMessagesSince(String account, Instant since) {
        return jdbc.sql("""
                select send_started_at from outgoing_message
                where account_id = ? and kind <> 'COMMENT_REPLY' and status in ('SENDING', 'SENT') and send_started_at >= ?
                order by send_started_at""")
                .params(account, at(since)).query((rs, n) -> instant(rs, "send_started_at")).list();
    }

    /** Instagram ids already recorded for the account's replies: a read-back never claims one twice. */
    boolean recorded(String account, String instagramId) {
        return jdbc.sql("select count(*) from outgoing_message where account_id = ? and instagram_id = ?")
                .params(account, instagramId).query(Integer.class).single() > 0;
    }

    static Reply row(ResultSet rs, int n) throws SQLException {
        return new Reply(rs.getString("id"), rs.getString("account_id"), ReplyKind.valueOf(rs.getString("kind")),
                rs.getString("conversation_id"), rs.getString("recipient_id"), rs.getString("comment_id"),
                rs.getString("text"), ReplyStatus.valueOf(rs.getString("status")), instant(rs, "due_at"),
                rs.getString("lease_owner"), rs.getInt("attempts"), instant(rs, "send_started_at"),
                instant(rs, "sent_at"), rs.getString("instagram_id"), (Integer) rs.getObject("error_code"),
                (Integer) rs.getObject("error_subcode"), rs.getString("reason"), instant(rs, "created_at"));
    }
}
