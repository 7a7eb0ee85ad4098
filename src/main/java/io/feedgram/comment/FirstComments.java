package io.feedgram.comment;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.conversation.MessagingProperties;
import io.feedgram.system.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The first comments of published posts, kept on the post itself (its own lease and marker columns, V8):
 * which are due, the claim, the marker written before the call, and the outcome with a line in the post's
 * history. The publishing pipeline never touches these columns.
 */
@Repository
public class FirstComments {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessagingProperties properties;
    private final ObjectMapper json;

    public FirstComments(JdbcClient jdbc, Clock clock, MessagingProperties properties, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Claims published posts whose first comment is due, each under a lease with a token of its own. Not yet looked
     * at (null) and interrupted (POSTING) are two reads, each bounded by the (status, first_comment_status) index:
     * an "or" of the two read every published post, every tick, as the history grew.
     */
    List<FirstComment> claim() {
        Instant now = clock.instant();
        List<String> due = Stream.of("first_comment_status is null", "first_comment_status = 'POSTING'")
                .flatMap(which -> jdbc.sql("""
                        select id from post
                        where status = 'PUBLISHED' and %s and options like '%%"first_comment"%%'
                          and (first_comment_due_at is null or first_comment_due_at <= ?)
                          and (first_comment_lease_until is null or first_comment_lease_until < ?)
                        order by updated_at limit ?""".formatted(which))
                        .params(at(now), at(now), properties.batchSize()).query(String.class).list().stream())
                .limit(properties.batchSize()).toList();
        return due.stream().map(id -> {
            String token = UUID.randomUUID().toString();
            int taken = jdbc.sql("""
                    update post set first_comment_lease_owner = ?, first_comment_lease_until = ?
                    where id = ? and (first_comment_lease_until is null or first_comment_lease_until < ?)""")
                    .params(token, at(now.plus(properties.lease())), id, at(now)).update();
            return taken == 1 ? load(id) : null;
        }).filter(Objects::nonNull).toList();
    }

    private FirstComment load(String postId) {
        return jdbc.sql("""
                select p.id, p.account_id, p.kind, p.options, p.first_comment_status, p.first_comment_started_at,
                       p.first_comment_attempts, p.first_comment_lease_owner,
                       (select min(c.media_id) from post_container c where c.post_id = p.id and c.media_id is not null
                          and c.position = (select min(c2.position) from post_container c2
                                            where c2.post_id = p.id and c2.media_id is not null)) as media_id
                from post p where p.id = ?""")
                .param(postId)
                .query((rs, n) -> new FirstComment(rs.getString("id"), rs.getString("account_id"), rs.getString("kind"),
                        rs.getString("media_id"), text(rs.getString("options")), rs.getString("first_comment_status"),
                        instant(rs, "first_comment_started_at"), rs.getInt("first_comment_attempts"),
                        rs.getString("first_comment_lease_owner")))
                .single();
    }

    private String text(String options) {
        try {
            String text = options == null ? null : json.readTree(options).path("first_comment").asText(null);
            return text == null || text.isBlank() ? null : text;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The marker before the call: from here on the comment may exist, and is read back before any second call. */
    boolean posting(FirstComment claim) {
        Instant now = clock.instant();
        return jdbc.sql("""
                update post set first_comment_status = 'POSTING', first_comment_started_at = ?,
                  first_comment_attempts = first_comment_attempts + 1
                where id = ? and first_comment_lease_owner = ?""")
                .params(at(now), claim.postId(), claim.leaseOwner()).update() == 1;
    }

    void posted(FirstComment claim, String commentId) {
        finish(claim, "POSTED", commentId, null, "First comment posted: " + commentId);
    }

    void failed(FirstComment claim, String reason) {
        finish(claim, "FAILED", null, reason, "First comment failed: " + reason);
    }

    /** Nothing to post (no text, a story, no media id): recorded so the post is not looked at again. */
    void none(FirstComment claim, String reason) {
        finish(claim, "NONE", null, reason, null);
    }

    private void finish(FirstComment claim, String status, String commentId, String reason, String history) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update post set first_comment_status = ?, first_comment_id = ?, first_comment_reason = ?,
                  first_comment_lease_owner = null, first_comment_lease_until = null
                where id = ? and first_comment_lease_owner = ?""")
                .params(status, commentId, Columns.fit(reason, 2000), claim.postId(), claim.leaseOwner()).update();
        if (updated == 1 && history != null) {
            jdbc.sql("insert into post_history (post_id, at, status, detail) values (?, ?, 'PUBLISHED', ?)")
                    .params(claim.postId(), at(now), Columns.fit(history, 2000)).update();
        }
    }

    /**
     * Looks at it again at {@code dueAt}. {@code maybePosted} false: Instagram surely has no such comment, so
     * the marker is cleared; true: it may, so it is read back first.
     */
    void later(FirstComment claim, Instant dueAt, boolean maybePosted, String reason) {
        jdbc.sql("""
                update post set first_comment_due_at = ?, first_comment_reason = ?,
                  first_comment_status = case when ? then first_comment_status else null end,
                  first_comment_started_at = case when ? then first_comment_started_at else null end,
                  first_comment_lease_owner = null, first_comment_lease_until = null
                where id = ? and first_comment_lease_owner = ?""")
                .params(at(dueAt), Columns.fit(reason, 2000), maybePosted, maybePosted, claim.postId(), claim.leaseOwner())
                .update();
    }

    /** Comment ids already recorded as some post's first comment: a read-back never claims one twice. */
    boolean recorded(String commentId) {
        return jdbc.sql("select count(*) from post where first_comment_id = ?").param(commentId)
                .query(Integer.class).single() > 0;
    }
}
