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

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The direct-message threads: one per account and person (IGSID), with when that person last wrote. */
@Repository
public class Conversations {

    /** A thread; {@code lastInboundAt} (the person's last message) starts the reply window. */
    public record Conversation(String id, String accountId, String participantId, Instant lastInboundAt,
                               Instant lastMessageAt, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public Conversations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The thread with {@code participantId}, created on its first message; {@code inbound}: the person wrote at {@code at}. */
    public String touch(String accountId, String participantId, Instant at, boolean inbound) {
        String id = find(accountId, participantId).map(Conversation::id).orElseGet(() -> create(accountId, participantId, at));
        jdbc.sql("""
                update conversation set
                  last_message_at = case when last_message_at < :at then :at else last_message_at end,
                  last_inbound_at = case when :inbound and (last_inbound_at is null or last_inbound_at < :at)
                                         then :at else last_inbound_at end
                where id = :id""")
                .param("at", at(at)).param("inbound", inbound).param("id", id).update();
        return id;
    }

    private String create(String accountId, String participantId, Instant at) {
        try {
            String id = UUID.randomUUID().toString();
            jdbc.sql("""
                    insert into conversation (id, account_id, participant_id, last_message_at, created_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(id, accountId, participantId, at(at), at(clock.instant())).update();
            return id;
        } catch (DuplicateKeyException e) {
            return find(accountId, participantId).orElseThrow().id();   // created by a parallel delivery
        }
    }

    public Optional<Conversation> find(String id) {
        return jdbc.sql("select * from conversation where id = ?").param(id).query(Conversations::row).optional();
    }

    private Optional<Conversation> find(String accountId, String participantId) {
        return jdbc.sql("select * from conversation where account_id = ? and participant_id = ?")
                .params(accountId, participantId).query(Conversations::row).optional();
    }

    /** Most recently active first, after the cursor's (last_message_at, id), at most {@code limit}. */
    public List<Conversation> page(String accountId, Instant afterAt, String afterId, int limit) {
        return jdbc.sql("""
                select * from conversation
                where (cast(:account as varchar(64)) is null or account_id = :account)
                  and (cast(:afterAt as timestamp with time zone) is null or last_message_at < :afterAt
                       or (last_message_at = :afterAt and id < :afterId))
                order by last_message_at desc, id desc limit :limit""")
                .param("account", accountId).param("afterAt", at(afterAt)).param("afterId", afterId)
                .param("limit", limit)
                .query(Conversations::row).list();
    }

    private static Conversation row(ResultSet rs, int n) throws SQLException {
        return new Conversation(rs.getString("id"), rs.getString("account_id"), rs.getString("participant_id"),
                instant(rs, "last_inbound_at"), instant(rs, "last_message_at"), instant(rs, "created_at"));
    }
}
