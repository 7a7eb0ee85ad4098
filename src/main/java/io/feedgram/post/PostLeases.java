package io.feedgram.post;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

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

    /**
     * The accounts of the posts under way, in one status: between "creating containers" and "published" (a QUEUED
     * post counts while it is leased: its media are being prepared or its containers created). Each read from an
     * index on the status, so the count costs the posts under way, never the accounts' history or backlog.
     */
    private static final List<String> UNDER_WAY = Stream.of(
                    "status = 'CONTAINERS_CREATED'", "status = 'READY'", "status = 'UNCONFIRMED'",
                    "status = 'DEFERRED' and resume_status in ('CONTAINERS_CREATED', 'READY', 'UNCONFIRMED')",
                    "status = 'QUEUED' and lease_until >= :now")
            .map(where -> "select account_id from post where " + where).toList();

    /**
     * Due, unleased posts in one status ({@code %1$s}) of accounts that may work, the {@code :scan} due first. Read in
     * the order of the (status, due_at) index, so that the scan stops after {@code :scan} rows however long the
     * backlog. QUEUED posts of accounts with no room for another post under way ({@code %4$s}) are passed over in
     * the scan; a READY post waits while its account's publish lock is held (its release wakes the dispatcher).
     * One statement per status, never a union: H2 keeps no union parsed, and parsing one cost more than running it.
     */
    private static final String CANDIDATES = """
            select p.id, p.account_id, p.due_at, %2$s as stage, %3$d as priority
            from post p
            where p.status = '%1$s'
              and p.due_at <= :now
              and (p.lease_until is null or p.lease_until < :now)
              and %4$s
              and not exists (select 1 from account_state a where a.account_id = p.account_id
                              and (a.status = 'NEEDS_REAUTH'
                                   or (a.status = 'PAUSED' and (a.paused_until is null or a.paused_until > :now))
                                   or (%2$s = 'READY' and a.publish_lease_until >= :now)))
            order by p.status, p.due_at
            limit :scan""";

    /**
     * The next due, unleased QUEUED posts of one account with room for them (at most {@code :room}): a seek in the
     * (account_id, status, due_at) index, however long the backlog of the others. H2 reads in index order only when
     * told the index's whole order (and PostgreSQL is as fast either way), hence the order by three columns.
     */
    private static final String NEXT_OF_ACCOUNT = """
            select p.id, p.account_id, p.due_at, 'QUEUED' as stage, %d as priority
            from post p
            where p.account_id = :account and p.status = 'QUEUED'
              and p.due_at <= :now
              and (p.lease_until is null or p.lease_until < :now)
            order by p.account_id, p.status, p.due_at
            limit :room""";

    /** The tracked accounts that may begin a post now: neither paused nor waiting for re-authorization. */
    private static final String MAY_BEGIN = """
            select account_id from account_state
            where status = 'ACTIVE' or (status = 'PAUSED' and paused_until is not null and paused_until <= :now)""";

    /**
     * Up to this many accounts with room are read one seek each; beyond it, the QUEUED posts are scanned in due order
     * past the full accounts' (many accounts with room find their posts early in that scan).
     */
    private static final int MOST_SEEKS = 64;

    /** Started posts are finished before new ones are begun: the order in which statuses are claimed. */
    private static final List<PostStatus> CLAIM_ORDER = List.of(PostStatus.UNCONFIRMED, PostStatus.READY,
            PostStatus.CONTAINERS_CREATED, PostStatus.DEFERRED, PostStatus.QUEUED);

    private final JdbcClient jdbc;
    private final Clock clock;
    /** The candidates of each started status, then of QUEUED passing over full accounts ({@code :full}) or not. */
    private final List<String> startedCandidates;
    private final String queuedCandidates;
    private final String queuedCandidatesBesidesFull;
    private final String nextOfAccount;
    private final String claim;

    public PostLeases(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.startedCandidates = CLAIM_ORDER.stream().filter(status -> status != PostStatus.QUEUED)
                .map(status -> candidates(status, "1 = 1")).toList();
        this.queuedCandidates = candidates(PostStatus.QUEUED, "1 = 1");
        this.queuedCandidatesBesidesFull = candidates(PostStatus.QUEUED, "p.account_id not in (:full)");
        this.nextOfAccount = NEXT_OF_ACCOUNT.formatted(CLAIM_ORDER.indexOf(PostStatus.QUEUED));
        this.claim = claimStatement(Databases.isPostgres(dataSource));
    }

    private static String candidates(PostStatus status, String roomForQueued) {
        return CANDIDATES.formatted(status.name(), STAGE, CLAIM_ORDER.indexOf(status), roomForQueued);
    }

    /**
     * One statement takes the chosen posts that are still unleased: on PostgreSQL an {@code update ... returning} over
     * rows locked {@code for update skip locked}, so replicas claiming at once take different posts without waiting
     * for each other; on H2 the updated rows read from {@code final table (update ...)} (H2 locks the rows it updates
     * and checks the lease again).
     */
    private static String claimStatement(boolean postgres) {
        String unleased = "id in (:ids) and (lease_until is null or lease_until < :now)";
        String set = "update post set lease_owner = :token || id, lease_until = :leaseUntil where ";
        return postgres
                ? set + "id in (select id from post where " + unleased + " for update skip locked) returning id"
                : "select id from final table (" + set + unleased + ")";
    }

    /**
     * Claims up to {@code limit} due posts, each under a lease whose token is {@code token} followed by the post's id
     * (unique to this claim when {@code token} is); returns their ids. The posts under way per account, the accounts
     * that may begin another and the due candidates are read first (indexed, bounded reads: posts to begin are looked
     * for only in accounts with room), {@link DueCandidate#choose} picks, and one statement claims.
     */
    public List<String> claim(String token, int limit, int ahead, Instant now, Instant leaseUntil) {
        Map<String, Integer> started = new HashMap<>();
        for (String underWay : UNDER_WAY) {
            jdbc.sql(underWay).param("now", at(now)).query(rs -> {
                started.merge(rs.getString("account_id"), 1, Integer::sum);
            });
        }
        List<DueCandidate> due = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(Map.of("now", at(now), "scan", limit * 4));
        startedCandidates.forEach(candidates -> due.addAll(candidates(candidates, params)));
        List<String> withRoom = jdbc.sql(MAY_BEGIN).param("now", at(now)).query(String.class).list().stream()
                .filter(account -> started.getOrDefault(account, 0) < ahead).toList();
        if (withRoom.size() <= MOST_SEEKS) {
            for (String account : withRoom) {
                due.addAll(candidates(nextOfAccount, Map.of("account", account,
                        "room", ahead - started.getOrDefault(account, 0), "now", at(now))));
            }
        } else {
            List<String> full = started.entrySet().stream().filter(e -> e.getValue() >= ahead).map(Map.Entry::getKey).toList();
            if (!full.isEmpty()) {
                params.put("full", padded(full));
            }
            due.addAll(candidates(full.isEmpty() ? queuedCandidates : queuedCandidatesBesidesFull, params));
        }
        List<String> chosen = DueCandidate.choose(due, started, ahead, limit);
        if (chosen.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(claim).params(Map.of("ids", padded(chosen), "now", at(now), "token", token,
                "leaseUntil", at(leaseUntil))).query(String.class).list();
    }

    private List<DueCandidate> candidates(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new DueCandidate(rs.getString("id"), rs.getString("account_id"), rs.getString("stage"),
                        rs.getInt("priority"), instant(rs, "due_at")))
                .list();
    }

    /**
     * The list grown to the next power of two by repeating its last element, which changes nothing in an {@code in}
     * list: a list expands into one placeholder per element, so each length is a statement of its own, and the
     * database keeps a handful of them parsed instead of parsing each claim anew.
     */
    static List<String> padded(List<String> values) {
        int size = Integer.highestOneBit(values.size());
        size = size == values.size() ? size : size * 2;
        List<String> padded = new ArrayList<>(values);
        while (padded.size() < size) {
            padded.add(values.get(values.size() - 1));
        }
        return padded;
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
