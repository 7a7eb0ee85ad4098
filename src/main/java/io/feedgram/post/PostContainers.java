package io.feedgram.post;

import static io.feedgram.system.SqlTime.at;
import static io.feedgram.system.SqlTime.instant;

import java.time.Instant;
import java.util.List;

import io.feedgram.system.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The Instagram containers of each post (the post_container table), one row per position. */
@Repository
public class PostContainers {

    private final JdbcClient jdbc;

    public PostContainers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Container> of(String postId) {
        return jdbc.sql("select * from post_container where post_id = ? order by position")
                .param(postId)
                .query((rs, n) -> new Container(rs.getInt("position"), rs.getString("container_id"),
                        rs.getString("status"), rs.getString("status_detail"), rs.getInt("recreations"),
                        instant(rs, "publish_started_at"), rs.getBoolean("publish_uncertain"),
                        rs.getString("media_id"), rs.getString("permalink"),
                        instant(rs, "published_at"), instant(rs, "created_at")))
                .list();
    }

    /** Records a container id the moment Instagram returns it ({@code at}). */
    @Transactional
    public void save(String postId, int position, String containerId, Instant at) {
        int updated = jdbc.sql("""
                update post_container set container_id = ?, status = 'IN_PROGRESS', status_detail = null, created_at = ?,
                       ready_after_ms = null
                where post_id = ? and position = ?""")
                .params(containerId, at(at), postId, position).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into post_container (post_id, position, container_id, status, created_at)
                    values (?, ?, ?, 'IN_PROGRESS', ?)""")
                    .params(postId, position, containerId, at(at)).update();
        }
    }

    /**
     * The post's containers were first seen ready {@code millis} after they were created; kept with the
     * kind of post ({@code bucket}) so that adaptive polling can learn from it after a restart.
     */
    public void recordReadyAfter(String postId, String bucket, long millis) {
        jdbc.sql("""
                update post_container set ready_after_ms = ?, poll_bucket = ?
                where post_id = ? and container_id is not null and ready_after_ms is null""")
                .params(millis, Columns.fit(bucket, 40), postId).update();
    }

    /** The most recent {@code limit} processing times recorded by {@link #recordReadyAfter}, newest first. */
    public List<ProcessingTime> recentProcessingTimes(int limit) {
        return jdbc.sql("""
                select poll_bucket, ready_after_ms from post_container
                where ready_after_ms is not null and poll_bucket is not null
                order by created_at desc limit ?""")
                .param(limit)
                .query((rs, n) -> new ProcessingTime(rs.getString("poll_bucket"), rs.getLong("ready_after_ms")))
                .list();
    }

    public void saveStatus(String postId, int position, String status, String detail) {
        jdbc.sql("update post_container set status = ?, status_detail = ? where post_id = ? and position = ?")
                .params(status, Columns.fit(detail, 500), postId, position).update();
    }

    /** Forgets a container so that it is created anew; counts the recreation. */
    public void drop(String postId, int position) {
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
}
