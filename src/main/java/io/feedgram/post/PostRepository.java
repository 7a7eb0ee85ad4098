package io.feedgram.post;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.feedgram.system.Columns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts, their media and their history: storing a submission and reading posts back. Moves
 * between states are {@link PostTransitions}, claims {@link PostLeases}, Instagram's
 * containers {@link PostContainers}.
 */
@Repository
public class PostRepository {

    private static final Logger log = LoggerFactory.getLogger(PostRepository.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TrackedAccounts accounts;
    /**
     * Post ids are UUIDs of version 7, which begin with the (wall clock) time they are made: the posts under way sit
     * together at the end of every index on a post id (the post's, its media's, containers' and history's). Random
     * ids put them on pages all over each index, and H2 writes a changed page whole at every group commit.
     */
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    public PostRepository(JdbcClient jdbc, ObjectMapper json, Clock clock, ApplicationEventPublisher events,
                          TrackedAccounts accounts) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.accounts = accounts;
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
        String id = ids.generate().toString();
        Instant now = clock.instant();
        Instant due = post.publishAt() == null || post.publishAt().isBefore(now) ? now : post.publishAt();
        // A post with no first comment says so (NONE): the first comments' due read passes over it by index.
        boolean firstComment = post.options() != null && post.options().firstComment() != null
                && !post.options().firstComment().isBlank();
        jdbc.sql("""
                insert into post (id, account_id, kind, caption, options, source, source_key, status,
                                  due_at, attempts, phase_started_at, error_message, first_comment_status,
                                  created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)""")
                .params(id, post.accountId(), post.kind().name(), post.caption(), toJson(post.options()),
                        post.source(), post.sourceKey(), status.name(), at(due), at(now),
                        status == PostStatus.SKIPPED ? Columns.fit(detail, 2000) : null, firstComment ? null : "NONE",
                        at(now), at(now))
                .update();
        List<MediaItem> media = post.media();
        for (int i = 0; i < media.size(); i++) {
            MediaItem m = media.get(i);
            jdbc.sql("insert into post_media (post_id, position, url, media_type, alt_text) values (?, ?, ?, ?, ?)")
                    .params(id, i, m.url(), m.type().name(), m.altText()).update();
        }
        appendHistory(id, now, status, detail);
        if (status == PostStatus.QUEUED) {
            accounts.track(post.accountId());
        }
        // No route holds the post yet, so its id and account go into the structured log here, not from the MDC.
        log.atInfo().addKeyValue("postId", id).addKeyValue("account", post.accountId())
                .log("post {} [{}] {}: {}", id, post.accountId(), status, detail);
        if (status == PostStatus.QUEUED) {
            events.publishEvent(new PostsDue(id));
        }
        return id;
    }

    public Optional<Post> find(String id) {
        // One read, the media joined: a post is read at every step, and a second statement was a sixth of them.
        List<Function<List<MediaItem>, Post>> post = new ArrayList<>(1);
        List<MediaItem> media = new ArrayList<>();
        jdbc.sql("""
                select p.*, m.url, m.media_type, m.alt_text
                from post p left join post_media m on m.post_id = p.id
                where p.id = ? order by m.position""").param(id).query(rs -> {
            if (post.isEmpty()) {
                post.add(postWithout(rs));
            }
            if (rs.getString("url") != null) {
                media.add(mediaItem(rs));
            }
        });
        return post.stream().findFirst().map(row -> row.apply(media));
    }

    /** The posts with these ids, in no particular order (two queries whatever their number). */
    public List<Post> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : select("select * from post where id in (:ids)", Map.of("ids", List.copyOf(ids)));
    }

    /** An account's posts in any of {@code statuses}, oldest first. */
    List<Post> findByAccount(String accountId, Set<PostStatus> statuses) {
        return select("select * from post where account_id = :account and status in (:statuses) order by created_at",
                Map.of("account", accountId, "statuses", PostStatus.names(statuses)));
    }

    public List<HistoryEntry> history(String postId) {
        return jdbc.sql("select at, status, detail from post_history where post_id = ? order by id")
                .param(postId)
                .query((rs, n) -> new HistoryEntry(instant(rs, "at"), PostStatus.valueOf(rs.getString("status")),
                        rs.getString("detail")))
                .list();
    }

    /**
     * A page of posts, newest first, optionally of one status and one account, starting after
     * the post created at {@code afterCreatedAt} with id {@code afterId} (both null for the first page).
     */
    public List<Post> page(PostStatus status, String accountId, Instant afterCreatedAt, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("select * from post where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        if (accountId != null) {
            sql.append(" and account_id = :account");
            params.put("account", accountId);
        }
        if (afterCreatedAt != null) {
            sql.append(" and (created_at < :afterCreatedAt or (created_at = :afterCreatedAt and id < :afterId))");
            params.put("afterCreatedAt", at(afterCreatedAt));
            params.put("afterId", afterId);
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", limit);
        return select(sql.toString(), params);
    }

    void appendHistory(String postId, Instant at, PostStatus status, String detail) {
        jdbc.sql("insert into post_history (post_id, at, status, detail) values (?, ?, ?, ?)")
                .params(postId, at(at), status.name(), Columns.fit(detail, 2000)).update();
    }

    // ---- mapping ------------------------------------------------------------------------

    /** Posts selected by {@code sql}, in its order, with their media read in one more query for all of them. */
    private List<Post> select(String sql, Map<String, ?> params) {
        Map<String, Function<List<MediaItem>, Post>> rows = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            rows.put(rs.getString("id"), postWithout(rs));
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<MediaItem>> media = new HashMap<>();
        jdbc.sql("select post_id, url, media_type, alt_text from post_media where post_id in (:ids) order by post_id, position")
                .param("ids", List.copyOf(rows.keySet()))
                .query(rs -> {
                    media.computeIfAbsent(rs.getString("post_id"), id -> new ArrayList<>())
                            .add(mediaItem(rs));
                });
        return rows.entrySet().stream().map(row -> row.getValue().apply(media.getOrDefault(row.getKey(), List.of()))).toList();
    }

    /** The media item of the current row (columns url, media_type, alt_text of post_media). */
    private static MediaItem mediaItem(ResultSet rs) throws SQLException {
        return new MediaItem(rs.getString("url"), MediaType.valueOf(rs.getString("media_type")), rs.getString("alt_text"));
    }

    /** The current row read now (the result set moves on), completed once its media are known. */
    private Function<List<MediaItem>, Post> postWithout(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        Integer code = (Integer) rs.getObject("error_code");
        String message = rs.getString("error_message");
        PostError error = code == null && message == null ? null
                : new PostError(code, (Integer) rs.getObject("error_subcode"), message);
        String resume = rs.getString("resume_status");
        String accountId = rs.getString("account_id");
        PostKind kind = PostKind.valueOf(rs.getString("kind"));
        String caption = rs.getString("caption");
        PostOptions options = fromJson(rs.getString("options"));
        String source = rs.getString("source");
        String sourceKey = rs.getString("source_key");
        PostStatus status = PostStatus.valueOf(rs.getString("status"));
        PostStatus resumeStatus = resume == null ? null : PostStatus.valueOf(resume);
        Instant dueAt = instant(rs, "due_at");
        int attempts = rs.getInt("attempts");
        Instant phaseStartedAt = instant(rs, "phase_started_at");
        Instant createdAt = instant(rs, "created_at");
        String leaseOwner = rs.getString("lease_owner");
        return media -> new Post(id, accountId, kind, caption, media, options, source, sourceKey, status, resumeStatus,
                dueAt, attempts, phaseStartedAt, error, createdAt, leaseOwner);
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
