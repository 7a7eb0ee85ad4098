package io.feedgram.post;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.feedgram.system.Databases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who works on a post and when it is looked at next: due posts, the claim (a lease with a
 * token unique to it), and rescheduling within a state. A late worker's token no longer
 * matches, so it can neither extend nor release a claim that is not its own.
 */
@Repository
public class PostLeases {

    /**
     * The state a post is working towards: a DEFERRED post counts as the state it goes back to.
     * Claims rank by it so that started posts are finished before new ones are begun.
     */
    private static final String STAGE = "case when p.status = 'DEFERRED' then coalesce(p.resume_status, 'QUEUED') else p.status end";

    /**
     * Due, unleased posts of accounts that may work, started ones first, at most {@code :scan} of them, locked
     * without waiting for rows another replica is claiming. A QUEUED post waits while its account already has
     * {@code :ahead} posts between "creating containers" and "published" (containers just in time); a READY post
     * waits while its account's publish lock is held (a step finishing wakes the dispatcher).
     */
    private static final String CANDIDATES = """
            select p.id, p.account_id, p.due_at, %1$s as stage,
                   case %1$s when 'UNCONFIRMED' then 0 when 'READY' then 1 when 'CONTAINERS_CREATED' then 2 else 3 end as priority,
                   coalesce(g.started, 0) as started
            from post p
            left join (select s.account_id, count(*) as started from post s
                       where s.status in ('CONTAINERS_CREATED', 'READY', 'UNCONFIRMED')
                          or (s.status = 'DEFERRED' and s.resume_status in ('CONTAINERS_CREATED', 'READY', 'UNCONFIRMED'))
                          or (s.status = 'QUEUED' and s.lease_until >= :now)
                       group by s.account_id) g on g.account_id = p.account_id
            where p.status in (:active)
              and p.due_at <= :now
              and (p.lease_until is null or p.lease_until < :now)
              and (%1$s <> 'QUEUED' or coalesce(g.started, 0) < :ahead)
              and not exists (select 1 from account_state a where a.account_id = p.account_id
                              and (a.status = 'NEEDS_REAUTH'
                                   or (a.status = 'PAUSED' and (a.paused_until is null or a.paused_until > :now))
                                   or (%1$s = 'READY' and a.publish_lease_until >= :now)))
            order by priority, p.due_at
            limit :scan
            %2$s""";

    /** Of the candidates, the first {@code :limit}, and no more QUEUED ones per account than it has room for. */
    private static final String CLAIMABLE = """
            select r.id from (
                select c.id, c.priority, c.due_at, c.stage, c.started,
                       row_number() over (partition by c.account_id, c.stage order by c.due_at) as nth
                from (%s) c) r
            where r.stage <> 'QUEUED' or r.started + r.nth <= :ahead
            order by r.priority, r.due_at
            limit :limit""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String claimStatement;

    public PostLeases(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.claimStatement = claimStatement(Databases.isPostgres(dataSource));
    }

    /**
     * One statement: PostgreSQL's {@code update ... returning} over rows selected {@code for update of p skip locked},
     * so replicas claiming at once take different posts without waiting for each other; H2's equivalent reads the
     * updated rows from {@code final table (update ...)} (H2 locks the rows it updates and checks the lease again).
     */
    private static String claimStatement(boolean postgres) {
        String claimable = CLAIMABLE.formatted(CANDIDATES.formatted(STAGE, postgres ? "for update of p skip locked" : ""));
        String update = """
                update post set lease_owner = :token || id, lease_until = :leaseUntil
                where id in (%s) and (lease_until is null or lease_until < :now)""".formatted(claimable);
        return postgres ? update + " returning id" : "select id from final table (" + update + ")";
    }

    /**
     * Claims up to {@code limit} due posts in one statement, each under a lease whose token is {@code token}
     * followed by the post's id (unique to this claim when {@code token} is); returns their ids.
     */
    public List<String> claim(String token, int limit, int ahead, Instant now, Instant leaseUntil) {
        return jdbc.sql(claimStatement)
                .params(Map.of("active", PostStatus.names(PostStatus.ACTIVE), "now", at(now), "limit", limit,
                        "scan", limit * 4, "ahead", ahead, "token", token, "leaseUntil", at(leaseUntil)))
                .query(String.class).list();
    }

    /** The earliest time after {@code now} at which an unleased active post falls due, if any. */
    public Optional<Instant> nextDueAfter(Instant now) {
        return jdbc.sql("""
                select min(due_at) as next_due from post
                where status in (:active) and due_at > :now and (lease_until is null or lease_until < :now)""")
                .params(Map.of("active", PostStatus.names(PostStatus.ACTIVE), "now", at(now)))
                .query((rs, n) -> instant(rs, "next_due")).optional().filter(Objects::nonNull);
    }

    /** Extends the claims with these tokens (still held by them) to {@code leaseUntil}. */
    public void renew(List<String> tokens, Instant leaseUntil) {
        jdbc.sql("update post set lease_until = :until where lease_owner in (:tokens)")
                .params(Map.of("until", at(leaseUntil), "tokens", tokens)).update();
    }

    /** Lets go of every post whose claim token starts with {@code tokenPrefix} (an instance that stops). */
    public int releaseAll(String tokenPrefix) {
        return jdbc.sql("update post set lease_owner = null, lease_until = null where lease_owner like ?")
                .param(tokenPrefix + "%").update();
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
