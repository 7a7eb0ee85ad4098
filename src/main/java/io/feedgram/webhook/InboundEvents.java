package io.feedgram.webhook;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The events received, each once: a second insert of the same event key is refused by the database. */
@Repository
public class InboundEvents {

    private final JdbcClient jdbc;

    public InboundEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event; false when an event with the same key was stored before. */
    boolean insert(EventView event, String key, String deliveryId) {
        try {
            jdbc.sql("""
                    insert into inbound_event (id, event_key, delivery_id, account_id, ig_account_id, type, occurred_at,
                      received_at, sender_id, sender_username, conversation_id, media_id, comment_id, message_id, text, raw)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(event.id(), key, deliveryId, event.account(), event.igAccountId(), event.type().name(),
                            at(event.occurredAt()), at(event.receivedAt()), event.senderId(), event.senderUsername(),
                            event.conversationId(), event.mediaId(), event.commentId(), event.messageId(), event.text(),
                            event.raw())
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    boolean exists(String key) {
        return jdbc.sql("select count(*) from inbound_event where event_key = ?").param(key).query(Integer.class).single() > 0;
    }

    public Optional<EventView> find(String id) {
        return jdbc.sql("select * from inbound_event where id = ?").param(id).query(InboundEvents::row).optional();
    }

    /** Newest first, filtered, after the cursor's (received_at, id), at most {@code limit}. */
    List<EventView> page(String account, EventType type, Instant since, Instant until, Instant afterAt, String afterId,
                         int limit) {
        return jdbc.sql("""
                select * from inbound_event
                where (cast(:account as varchar(64)) is null or account_id = :account)
                  and (cast(:type as varchar(32)) is null or type = :type)
                  and (cast(:since as timestamp with time zone) is null or occurred_at >= :since)
                  and (cast(:until as timestamp with time zone) is null or occurred_at < :until)
                  and (cast(:afterAt as timestamp with time zone) is null or received_at < :afterAt
                       or (received_at = :afterAt and id < :afterId))
                order by received_at desc, id desc limit :limit""")
                .param("account", account).param("type", type == null ? null : type.name())
                .param("since", at(since)).param("until", at(until))
                .param("afterAt", at(afterAt)).param("afterId", afterId).param("limit", limit)
                .query(InboundEvents::row).list();
    }

    static EventView row(ResultSet rs, int n) throws SQLException {
        return new EventView(rs.getString("id"), rs.getString("account_id"), rs.getString("ig_account_id"),
                EventType.valueOf(rs.getString("type")), instant(rs, "occurred_at"), instant(rs, "received_at"),
                rs.getString("sender_id"), rs.getString("sender_username"), rs.getString("conversation_id"),
                rs.getString("media_id"), rs.getString("comment_id"), rs.getString("message_id"),
                rs.getString("text"), rs.getString("raw"));
    }
}
