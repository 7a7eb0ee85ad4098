package io.feedgram.media;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.feedgram.post.MediaItem;
import io.feedgram.post.Post;
import io.feedgram.post.PostStatus;
import io.feedgram.system.Columns;
import io.feedgram.system.DurableWrites;
import io.feedgram.system.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was made of each media item of a post, kept on its {@code post_media} row the moment it is
 * done, so that a restart resumes the preparation and converts nothing twice.
 */
@Component
public class PreparedMedia {

    /** One prepared item: the URL Instagram fetches, what was done, and the copy Feedgram keeps (or null). */
    public record Item(int position, String publishUrl, String note, String storedFile) {
    }

    private final JdbcClient jdbc;
    private final DurableWrites durable;
    private final Clock clock;

    PreparedMedia(JdbcClient jdbc, Clock clock, DurableWrites durable) {
        this.jdbc = jdbc;
        this.durable = durable;
        this.clock = clock;
    }

    /** The prepared items of a post, by position; a position missing is not prepared yet. */
    public List<Item> of(String postId) {
        return jdbc.sql("""
                select position, publish_url, media_note, stored_file from post_media
                where post_id = ? and prepared_at is not null order by position""")
                .param(postId)
                .query((rs, n) -> new Item(rs.getInt("position"), rs.getString("publish_url"),
                        rs.getString("media_note"), rs.getString("stored_file")))
                .list();
    }

    /**
     * The name of the copy item {@code position} is converted into, chosen once and kept before the
     * conversion starts (durably: the copy is a file outside the database): after a crash the copy is
     * found under it instead of being made again.
     */
    String reserve(String postId, int position, java.util.function.Supplier<String> newName) {
        String kept = jdbc.sql("select stored_file from post_media where post_id = ? and position = ?")
                .params(postId, position).query(String.class).optional().orElse(null);
        if (kept != null) {
            return kept;
        }
        String name = newName.get();
        jdbc.sql("update post_media set stored_file = ? where post_id = ? and position = ? and stored_file is null")
                .params(name, postId, position).update();
        durable.await();
        return jdbc.sql("select stored_file from post_media where post_id = ? and position = ?")
                .params(postId, position).query(String.class).single();
    }

    void record(String postId, Item item) {
        jdbc.sql("""
                update post_media set publish_url = ?, media_note = ?, stored_file = ?, prepared_at = ?
                where post_id = ? and position = ?""")
                .params(item.publishUrl(), Columns.fit(item.note(), 1000), item.storedFile(),
                        SqlTime.at(clock.instant()), postId, item.position())
                .update();
    }

    /** What was converted, for the post's history ("; item 1: PNG 1200×900 → JPEG ..."), or "" when nothing was. */
    public String conversions(Post post) {
        return of(post.id()).stream().filter(item -> item.storedFile() != null)
                .map(item -> "; " + MediaPlanner.label(post.media(), item.position()) + item.note())
                .collect(java.util.stream.Collectors.joining());
    }

    /** The post with each media URL replaced by the one Instagram is to fetch. */
    public Post publishable(Post post) {
        List<Item> prepared = of(post.id());
        if (prepared.isEmpty()) {
            return post;
        }
        List<MediaItem> media = new ArrayList<>(post.media());
        for (Item item : prepared) {
            MediaItem original = media.get(item.position());
            media.set(item.position(), new MediaItem(item.publishUrl(), original.type(), original.altText()));
        }
        return post.withMedia(media);
    }

    /** Copies whose post ended (published, failed, cancelled) before {@code cutoff}: no container needs them now. */
    List<String> expiredFiles(Instant cutoff) {
        return jdbc.sql("""
                select m.stored_file from post_media m join post p on p.id = m.post_id
                where m.stored_file is not null and p.status in (:ended) and p.updated_at < :cutoff""")
                .param("ended", List.of(PostStatus.PUBLISHED.name(), PostStatus.FAILED.name(), PostStatus.CANCELLED.name()))
                .param("cutoff", SqlTime.at(cutoff))
                .query(String.class).list();
    }

    /** Whether a post that has not ended yet still names {@code file} (an upload it is to publish). */
    boolean wanted(String file) {
        return jdbc.sql("""
                select count(*) from post_media m join post p on p.id = m.post_id
                where (m.stored_file = :file or m.url like :served) and p.status not in (:ended)""")
                .param("file", file).param("served", "%/media/" + file)
                .param("ended", List.of(PostStatus.PUBLISHED.name(), PostStatus.FAILED.name(), PostStatus.CANCELLED.name(),
                        PostStatus.SKIPPED.name()))
                .query(Integer.class).single() > 0;
    }

    /** The copy is gone: the item counts as not prepared, so a retried post converts it again. */
    void forget(String storedFile) {
        jdbc.sql("""
                update post_media set stored_file = null, publish_url = null, media_note = null, prepared_at = null
                where stored_file = ?""").param(storedFile).update();
    }
}
