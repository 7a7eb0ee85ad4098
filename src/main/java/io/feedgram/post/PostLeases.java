package io.feedgram.post;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** The state a post is working towards: a DEFERRED post counts as the state it goes back to. */
    private static final String STAGE = "case when p.status = 'DEFERRED' then coalesce(p.resume_status, 'QUEUED') else p.status end";

    /** Posts under way for their account: between "creating containers" and "published". */
    private static final String STARTED = """
            (s.status in ('CONTAINERS_CREATED', 'READY', 'UNCONFIRMED')
             or (s.status = 'DEFERRED' and s.resume_status in ('CONTAINERS_CREATED', 'READY', 'UNCONFIRMED'))
             or (s.status = 'QUEUED' and s.lease_until >= :now))""";

    /**
     * Due, unleased posts in one status ({@code %1$s}) of accounts that may work, the {@code :scan} due first,
     * locked without waiting for rows another replica is claiming ({@code %3$s}). Read in the order of the
     * (status, due_at) index, so that the scan stops after {@code :scan} rows however long the backlog. A
     * QUEUED post waits while its account already has {@code :ahead} posts under way (containers just in time:
     * {@code %5$s} names the accounts at their limit, read just before); a READY post waits while its account's
     * publish lock is held (a step finishing wakes the dispatcher).
     */
    private static final String CANDIDATES = """
            select * from (
                select p.id, p.account_id, p.due_at, %2$s as stage, %4$d as priority
                from post p
                where p.status = '%1$s'
                  and p.due_at <= :now
                  and (p.lease_until is null or p.lease_until < :now)
                  and (%2$s <> 'QUEUED' or %5$s)
                  and not exists (select 1 from account_state a where a.account_id = p.account_id
                                  and (a.status = 'NEEDS_REAUTH'
                                       or (a.status = 'PAUSED' and (a.paused_until is null or a.paused_until > :now))
                                       or (%2$s = 'READY' and a.publish_lease_until >= :now)))
                order by p.due_at
                limit :scan
                %3$s) c_%1$s""";

    /** Started posts are finished before new ones are begun: the order in which statuses are claimed. */
    private static final List<PostStatus> CLAIM_ORDER = List.of(PostStatus.UNCONFIRMED, PostStatus.READY,
            PostStatus.CONTAINERS_CREATED, PostStatus.DEFERRED, PostStatus.QUEUED);

    /**
     * Of the candidates, the first {@code :limit}, and no more QUEUED ones per account than it has room for
     * (its posts under way are counted for the few QUEUED candidates only).
     */
    private static final String CLAIMABLE = """
            select r.id from (
                select c.id, c.priority, c.due_at, c.stage,
                       case when c.stage = 'QUEUED'
                            then (select count(*) from post s where s.account_id = c.account_id and %2$s) else 0 end as started,
                       row_number() over (partition by c.account_id, c.stage order by c.due_at) as nth
                from (%1$s) c) r
            where r.stage <> 'QUEUED' or r.started + r.nth <= :ahead
            order by r.priority, r.due_at
            limit :limit""";

    private final JdbcClient jdbc;
    private final Clock clock;
    /** The claim when no account is at its limit of posts under way, and when some are ({@code :full}). */
    private final String claimAll;
    private final String claimBesidesFull;

    public PostLeases(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        boolean postgres = Databases.isPostgres(dataSource);
        this.claimAll = claimStatement(postgres, "1 = 1");
        this.claimBesidesFull = claimStatement(postgres, "p.account_id not in (:full)");
    }

    /**
     * One statement: PostgreSQL's {@code update ... returning} over rows selected {@code for update of p skip locked},
     * so replicas claiming at once take different posts without waiting for each other; H2's equivalent reads the
     * updated rows from {@code final table (update ...)} (H2 locks the rows it updates and checks the lease again).
     */
    private static String claimStatement(boolean postgres, String roomForQueued) {
        String lock = postgres ? "for update of p skip locked" : "";
        String candidates = CLAIM_ORDER.stream()
                .map(status -> CANDIDATES.formatted(status.name(), STAGE, lock, CLAIM_ORDER.indexOf(status), roomForQueued))
                .collect(Collectors.joining("\nunion all\n"));
        String claimable = CLAIMABLE.formatted(candidates, STARTED);
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
        // The accounts with no room for another QUEUED post, read once here: as a subquery of the claim, H2
        // evaluated it again for every candidate while other sessions were writing to the table.
        List<String> full = jdbc.sql("select s.account_id from post s where " + STARTED
                        + " group by s.account_id having count(*) >= :ahead")
                .params(Map.of("now", at(now), "ahead", ahead)).query(String.class).list();
        Map<String, Object> params = new HashMap<>(Map.of("now", at(now), "limit", limit, "scan", limit * 4,
                "ahead", ahead, "token", token, "leaseUntil", at(leaseUntil)));
        if (!full.isEmpty()) {
            params.put("full", full);
        }
        return jdbc.sql(full.isEmpty() ? claimAll : claimBesidesFull).params(params).query(String.class).list();
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
