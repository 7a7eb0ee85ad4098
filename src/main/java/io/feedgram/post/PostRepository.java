package io.feedgram.post;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.system.Columns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts, their media, containers and history. Status changes are compare-and-set on the
 * current status, so two workers (or two replicas) can never both move the same post.
 */
@Repository
public class PostRepository {

    private static final Logger log = LoggerFactory.getLogger(PostRepository.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public PostRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stores a new post, or returns the existing one's id when its source key was seen before. */
    @Transactional
    public String insert(NewPost post) {
        return insert(post, PostStatus.QUEUED, "queued from " + post.source());
    }

    /** Records a submission that will not be published (no media, filtered, backfill), with the reason. */
    @Transactional
    public String insertSkipped(NewPost post, String reason) {
        return insert(post, PostStatus.SKIPPED, "skipped: " + reason);
    }

    private String insert(NewPost post, PostStatus status, String detail) {
        if (post.sourceKey() != null) {
            Optional<String> existing = jdbc.sql("select id from post where source_key = ?")
                    .param(post.sourceKey()).query(String.class).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant due = post.publishAt() == null || post.publishAt().isBefore(now) ? now : post.publishAt();
        jdbc.sql("""
                insert into post (id, account_id, kind, caption, options, source, source_key, status,
                                  due_at, attempts, phase_started_at, error_message, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(id, post.accountId(), post.kind().name(), post.caption(), toJson(post.options()),
                        post.source(), post.sourceKey(), status.name(), at(due), at(now),
                        status == PostStatus.SKIPPED ? Columns.fit(detail, 2000) : null, at(now), at(now))
                .update();
        List<MediaItem> media = post.media();
        for (int i = 0; i < media.size(); i++) {
            MediaItem m = media.get(i);
            jdbc.sql("insert into post_media (post_id, position, url, media_type, alt_text) values (?, ?, ?, ?, ?)")
                    .params(id, i, m.url(), m.type().name(), m.altText()).update();
        }
        appendHistory(id, now, status, detail);
        log.info("post {} [{}] {}: {}", id, post.accountId(), status, detail);
        return id;
    }

    public Optional<Post> find(String id) {
        return jdbc.sql("select * from post where id = ?").param(id).query(this::mapPost).optional();
    }

    public List<Post> findByAccountAndStatus(String accountId, PostStatus status) {
        return jdbc.sql("select * from post where account_id = ? and status = ? order by created_at")
                .params(accountId, status.name()).query(this::mapPost).list();
    }

    public List<HistoryEntry> history(String postId) {
        return jdbc.sql("select at, status, detail from post_history where post_id = ? order by id")
                .param(postId)
                .query((rs, n) -> new HistoryEntry(instant(rs, "at"), PostStatus.valueOf(rs.getString("status")),
                        rs.getString("detail")))
                .list();
    }

    /** The key that de-duplicated the post's submission (a feed entry's key, an inbox hash), if any. */
    public Optional<String> sourceKey(String id) {
        return jdbc.sql("select source_key from post where id = ?").param(id).query(String.class).optional();
    }

    /**
     * A page of posts, newest first, optionally of one status and one account, starting after
     * the post created at {@code afterCreatedAt} with id {@code afterId} (both null for the first page).
     */
    public List<Post> page(PostStatus status, String accountId, Instant afterCreatedAt, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("select * from post where 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (accountId != null) {
            sql.append(" and account_id = ?");
            params.add(accountId);
        }
        if (afterCreatedAt != null) {
            sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
            params.addAll(List.of(at(afterCreatedAt), at(afterCreatedAt), afterId));
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::mapPost).list();
    }

    // ---- claiming due work -------------------------------------------------------------

    /** Ids of active posts that are due, not leased, and whose account is not paused. */
    public List<String> dueIds(Instant now, int limit) {
        return jdbc.sql("""
                select p.id from post p
                where p.status in ('QUEUED', 'CONTAINERS_CREATED', 'READY', 'DEFERRED', 'UNCONFIRMED')
                  and p.due_at <= ?
                  and (p.lease_until is null or p.lease_until < ?)
                  and not exists (select 1 from account_state a where a.account_id = p.account_id
                                  and (a.status = 'NEEDS_REAUTH'
                                       or (a.status = 'PAUSED' and (a.paused_until is null or a.paused_until > ?))))
                order by p.due_at
                limit ?""")
                .params(at(now), at(now), at(now), limit).query(String.class).list();
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

    // ---- moving between states ----------------------------------------------------------

    /**
     * Moves a post to {@code to}, due at {@code dueAt}, starting a new phase (attempts 0).
     * {@code resume} is where a DEFERRED, NEEDS_REAUTH or UNCONFIRMED post returns to.
     */
    @Transactional
    public void move(Post post, PostStatus to, Instant dueAt, PostStatus resume, PostError error, String detail) {
        if (!post.status().canMoveTo(to)) {
            throw new IllegalStateException("post " + post.id() + " cannot move from " + post.status() + " to " + to);
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update post set status = ?, resume_status = ?, due_at = ?, attempts = 0, phase_started_at = ?,
                       error_code = coalesce(?, error_code), error_subcode = coalesce(?, error_subcode),
                       error_message = coalesce(?, error_message), updated_at = ?
                where id = ? and status = ?""")
                .params(to.name(), resume == null ? null : resume.name(), at(dueAt), at(now),
                        error == null ? null : error.code(), error == null ? null : error.subcode(),
                        error == null ? null : Columns.fit(error.message(), 2000), at(now), post.id(), post.status().name())
                .update();
        if (changed != 1) {
            throw new IllegalStateException("post " + post.id() + " is no longer " + post.status());
        }
        appendHistory(post.id(), now, to, detail);
        log.info("post {} [{}] {} -> {}: {}", post.id(), post.accountId(), post.status(), to, detail);
    }

    /**
     * An operator's retry of a FAILED post: back to QUEUED, due now, its error cleared and its
     * containers forgotten so that they are created anew. False when the post is no longer FAILED.
     */
    @Transactional
    public boolean requeueFailed(Post post, String detail) {
        if (post.status() != PostStatus.FAILED) {
            return false;
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update post set status = 'QUEUED', resume_status = null, due_at = ?, attempts = 0, phase_started_at = ?,
                       error_code = null, error_subcode = null, error_message = null, updated_at = ?
                where id = ? and status = 'FAILED'
                  and not exists (select 1 from post_container c where c.post_id = post.id
                                  and (c.publish_started_at is not null or c.publish_uncertain = true)
                                  and c.published_at is null)""")
                .params(at(now), at(now), at(now), post.id()).update();
        if (changed != 1) {
            return false;
        }
        // Media already published stay recorded (a story goes on with the rest); the others start anew.
        jdbc.sql("delete from post_container where post_id = ? and published_at is null").param(post.id()).update();
        appendHistory(post.id(), now, PostStatus.QUEUED, detail);
        log.info("post {} [{}] FAILED -> QUEUED: {}", post.id(), post.accountId(), detail);
        return true;
    }

    /**
     * Makes a post due now without changing its state (an UNCONFIRMED post is reconciled at
     * once rather than at its next check). False when its status changed meanwhile.
     */
    @Transactional
    public boolean makeDueNow(Post post, String detail) {
        Instant now = clock.instant();
        int changed = jdbc.sql("update post set due_at = ?, updated_at = ? where id = ? and status = ?")
                .params(at(now), at(now), post.id(), post.status().name()).update();
        if (changed != 1) {
            return false;
        }
        appendHistory(post.id(), now, post.status(), detail);
        log.info("post {} [{}] {} due now: {}", post.id(), post.accountId(), post.status(), detail);
        return true;
    }

    /**
     * Cancels a post that no worker holds and whose state allows it (the transition table).
     * False when it moved or was claimed meanwhile.
     */
    @Transactional
    public boolean cancel(Post post, String detail) {
        if (!post.status().canMoveTo(PostStatus.CANCELLED)) {
            return false;
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update post set status = 'CANCELLED', resume_status = null, attempts = 0, phase_started_at = ?, updated_at = ?
                where id = ? and status = ? and (lease_until is null or lease_until < ?)
                  and not exists (select 1 from post_container c where c.post_id = post.id
                                  and (c.publish_started_at is not null or c.publish_uncertain = true
                                       or c.published_at is not null))""")
                .params(at(now), at(now), post.id(), post.status().name(), at(now)).update();
        if (changed != 1) {
            return false;
        }
        appendHistory(post.id(), now, PostStatus.CANCELLED, detail);
        log.info("post {} [{}] {} -> CANCELLED: {}", post.id(), post.accountId(), post.status(), detail);
        return true;
    }

    /** Keeps the post where it is and looks at it again at {@code dueAt}. */
    public void reschedule(Post post, Instant dueAt, int attempts) {
        jdbc.sql("update post set due_at = ?, attempts = ?, updated_at = ? where id = ? and status = ?")
                .params(at(dueAt), attempts, at(clock.instant()), post.id(), post.status().name()).update();
    }

    /**
     * Parks every active post of an account in {@code to}, remembering where each was. A post
     * another worker moves at the same moment is left to that worker.
     */
    public List<String> parkAll(String accountId, PostStatus to, String detail) {
        Instant now = clock.instant();
        List<Post> active = jdbc.sql("""
                select * from post where account_id = ?
                  and status in ('QUEUED', 'CONTAINERS_CREATED', 'READY', 'DEFERRED', 'UNCONFIRMED')""")
                .param(accountId).query(this::mapPost).list();
        List<String> parked = new java.util.ArrayList<>();
        for (Post p : active) {
            PostStatus resume = p.status() == PostStatus.DEFERRED ? p.resumeStatus() : p.status();
            int changed = jdbc.sql("""
                    update post set status = ?, resume_status = ?, due_at = ?, attempts = 0, updated_at = ?
                    where id = ? and status = ?""")
                    .params(to.name(), resume == null ? null : resume.name(), at(now), at(now), p.id(), p.status().name())
                    .update();
            if (changed == 1) {
                appendHistory(p.id(), now, to, detail);
                parked.add(p.id());
            }
        }
        return parked;
    }

    // ---- containers ---------------------------------------------------------------------

    public List<Container> containers(String postId) {
        return jdbc.sql("select * from post_container where post_id = ? order by position")
                .param(postId)
                .query((rs, n) -> new Container(rs.getInt("position"), rs.getString("container_id"),
                        rs.getString("status"), rs.getString("status_detail"), rs.getInt("recreations"),
                        instant(rs, "publish_started_at"), rs.getBoolean("publish_uncertain"),
                        rs.getString("media_id"), rs.getString("permalink"),
                        instant(rs, "published_at")))
                .list();
    }

    /** Records a container id the moment Instagram returns it. */
    @Transactional
    public void saveContainer(String postId, int position, String containerId) {
        int updated = jdbc.sql("""
                update post_container set container_id = ?, status = 'IN_PROGRESS', status_detail = null
                where post_id = ? and position = ?""")
                .params(containerId, postId, position).update();
        if (updated == 0) {
            jdbc.sql("insert into post_container (post_id, position, container_id, status) values (?, ?, ?, 'IN_PROGRESS')")
                    .params(postId, position, containerId).update();
        }
    }

    public void saveContainerStatus(String postId, int position, String status, String detail) {
        jdbc.sql("update post_container set status = ?, status_detail = ? where post_id = ? and position = ?")
                .params(status, Columns.fit(detail, 500), postId, position).update();
    }

    /** Forgets a container so that it is created anew; counts the recreation. */
    public void dropContainer(String postId, int position) {
        jdbc.sql("""
                update post_container set container_id = null, status = null, status_detail = null,
                       publish_started_at = null, publish_uncertain = false, recreations = recreations + 1
                where post_id = ? and position = ?""")
                .params(postId, position).update();
    }

    public void markPublishStarted(String postId, int position, Instant at) {
        jdbc.sql("update post_container set publish_started_at = ? where post_id = ? and position = ?")
                .params(at(at), postId, position).update();
    }

    /** An attempt's outcome was unknown: from now on the container is read before any publish. */
    public void markPublishUncertain(String postId, int position) {
        jdbc.sql("update post_container set publish_uncertain = true where post_id = ? and position = ?")
                .params(postId, position).update();
    }

    public void clearPublishStarted(String postId, int position) {
        jdbc.sql("update post_container set publish_started_at = null where post_id = ? and position = ?")
                .params(postId, position).update();
    }

    /** Records a publish; {@code mediaId} is null when only the container's status confirmed it. */
    public void recordPublished(String postId, int position, String mediaId, Instant at) {
        jdbc.sql("""
                update post_container set media_id = ?, published_at = ?, status = 'PUBLISHED'
                where post_id = ? and position = ?""")
                .params(mediaId, at(at), postId, position).update();
    }

    public void recordPermalink(String postId, int position, String permalink) {
        jdbc.sql("update post_container set permalink = ? where post_id = ? and position = ?")
                .params(Columns.fit(permalink, 512), postId, position).update();
    }

    // ---- mapping ------------------------------------------------------------------------

    private Post mapPost(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        List<MediaItem> media = jdbc.sql("select url, media_type, alt_text from post_media where post_id = ? order by position")
                .param(id)
                .query((m, n) -> new MediaItem(m.getString("url"), MediaType.valueOf(m.getString("media_type")),
                        m.getString("alt_text")))
                .list();
        Integer code = (Integer) rs.getObject("error_code");
        String message = rs.getString("error_message");
        PostError error = code == null && message == null ? null
                : new PostError(code, (Integer) rs.getObject("error_subcode"), message);
        String resume = rs.getString("resume_status");
        return new Post(id, rs.getString("account_id"), PostKind.valueOf(rs.getString("kind")),
                rs.getString("caption"), media, fromJson(rs.getString("options")), rs.getString("source"),
                PostStatus.valueOf(rs.getString("status")), resume == null ? null : PostStatus.valueOf(resume),
                instant(rs, "due_at"), rs.getInt("attempts"), instant(rs, "phase_started_at"), error,
                instant(rs, "created_at"), rs.getString("lease_owner"));
    }

    private void appendHistory(String postId, Instant at, PostStatus status, String detail) {
        jdbc.sql("insert into post_history (post_id, at, status, detail) values (?, ?, ?, ?)")
                .params(postId, at(at), status.name(), Columns.fit(detail, 2000)).update();
    }

    private String toJson(PostOptions options) {
        try {
            return json.writeValueAsString(options == null ? PostOptions.NONE : options);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("post options cannot be stored", e);
        }
    }

    private PostOptions fromJson(String text) {
        try {
            return text == null ? PostOptions.NONE : json.readValue(text, PostOptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored post options are unreadable", e);
        }
    }
}
