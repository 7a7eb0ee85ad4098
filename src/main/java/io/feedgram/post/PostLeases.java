package io.feedgram.post;

import static io.feedgram.system.SqlTime.at;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who works on a post and when it is looked at next: due posts, the claim (a lease with a
 * token unique to it), and rescheduling within a state. A late worker's token no longer
 * matches, so it can neither extend nor release a claim that is not its own.
 */
@Repository
public class PostLeases {

    private final JdbcClient jdbc;
    private final Clock clock;

    public PostLeases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Ids of active posts that are due, not leased, and whose account is not paused. */
    public List<String> dueIds(Instant now, int limit) {
        return jdbc.sql("""
                select p.id from post p
                where p.status in (:active)
                  and p.due_at <= :now
                  and (p.lease_until is null or p.lease_until < :now)
                  and not exists (select 1 from account_state a where a.account_id = p.account_id
                                  and (a.status = 'NEEDS_REAUTH'
                                       or (a.status = 'PAUSED' and (a.paused_until is null or a.paused_until > :now))))
                order by p.due_at
                limit :limit""")
                .params(Map.of("active", PostStatus.names(PostStatus.ACTIVE), "now", at(now), "limit", limit))
                .query(String.class).list();
    }

    /** Takes the lease on a post with a token unique to this claim; false when another claim holds it. */
    public boolean claim(String id, String token, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update post set lease_owner = ?, lease_until = ?
                where id = ? and (lease_until is null or lease_until < ?)""")
                .params(token, at(leaseUntil), id, at(now)).update() == 1;
    }

    /** Extends a claim before a slow call; false when the claim was lost and the step must stop. */
    public boolean holdLease(Post post, Instant leaseUntil) {
        return post.leaseOwner() != null && jdbc.sql("update post set lease_until = ? where id = ? and lease_owner = ?")
                .params(at(leaseUntil), post.id(), post.leaseOwner()).update() == 1;
    }

    public void release(Post post) {
        jdbc.sql("update post set lease_owner = null, lease_until = null where id = ? and lease_owner = ?")
                .params(post.id(), post.leaseOwner()).update();
    }

    /** Keeps the post where it is and looks at it again at {@code dueAt}. */
    public void reschedule(Post post, Instant dueAt, int attempts) {
        jdbc.sql("update post set due_at = ?, attempts = ?, updated_at = ? where id = ? and status = ?")
                .params(at(dueAt), attempts, at(clock.instant()), post.id(), post.status().name()).update();
    }
}
