package io.feedgram.post;

import static io.feedgram.system.SqlTime.at;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.feedgram.system.Columns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves posts between states, each move named by what it means. A move is compare-and-set on
 * the current status, so two workers (or two replicas) can never both move the same post, and
 * it is allowed only along {@link PostStatus#canMoveTo}.
 */
@Repository
@Transactional   // a move and its history line are written together
public class PostTransitions {

    private static final Logger log = LoggerFactory.getLogger(PostTransitions.class);

    private final JdbcClient jdbc;
    private final PostRepository posts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public PostTransitions(JdbcClient jdbc, PostRepository posts, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.clock = clock;
        this.events = events;
    }

    /** On to the next step (or back to an earlier one), due at {@code dueAt}. */
    public void advance(Post post, PostStatus to, Instant dueAt, String detail) {
        move(post, to, dueAt, null, null, detail);
    }

    /** Back to the state a DEFERRED or NEEDS_REAUTH post was waiting in, due now. */
    public void resume(Post post, String detail) {
        advance(post, post.resumesIn(), clock.instant(), detail);
    }

    /** DEFERRED until {@code until}, then back to where the post was. */
    public void defer(Post post, Instant until, PostError error, String detail) {
        move(post, PostStatus.DEFERRED, until, resumeOf(post), error, detail);
    }

    /** NEEDS_REAUTH until the account has a working token again. */
    public void park(Post post, PostError error, String detail) {
        move(post, PostStatus.NEEDS_REAUTH, clock.instant(), resumeOf(post), error, detail);
    }

    /** UNCONFIRMED: a publish whose outcome is unknown, read again at {@code until}; READY once a retry is safe. */
    public void unconfirm(Post post, Instant until, PostError error, String detail) {
        move(post, PostStatus.UNCONFIRMED, until, PostStatus.READY, error, detail);
    }

    /** Terminal failure with Instagram's code and a sentence for a person. */
    public void fail(Post post, PostError error, String detail) {
        move(post, PostStatus.FAILED, clock.instant(), null, error, detail);
    }

    /** Starts a new phase (attempts 0); {@code resume} is where a waiting post returns to. */
    private void move(Post post, PostStatus to, Instant dueAt, PostStatus resume, PostError error, String detail) {
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
        posts.appendHistory(post.id(), now, to, detail);
        log.info("post {} [{}] {} -> {}: {}", post.id(), post.accountId(), post.status(), to, detail);
    }

    /**
     * Parks every active post of an account in NEEDS_REAUTH, remembering where each was. A post
     * another worker moves at the same moment is left to that worker.
     */
    public List<String> parkAll(String accountId, String detail) {
        Instant now = clock.instant();
        List<String> parked = new ArrayList<>();
        for (Post p : posts.findByAccount(accountId, PostStatus.ACTIVE)) {
            PostStatus resume = resumeOf(p);
            int changed = jdbc.sql("""
                    update post set status = ?, resume_status = ?, due_at = ?, attempts = 0, updated_at = ?
                    where id = ? and status = ?""")
                    .params(PostStatus.NEEDS_REAUTH.name(), resume == null ? null : resume.name(), at(now), at(now),
                            p.id(), p.status().name())
                    .update();
            if (changed == 1) {
                posts.appendHistory(p.id(), now, PostStatus.NEEDS_REAUTH, detail);
                parked.add(p.id());
            }
        }
        return parked;
    }

    /** Returns every parked post of an account to where it was. */
    public void unparkAll(String accountId, String detail) {
        posts.findByAccount(accountId, EnumSet.of(PostStatus.NEEDS_REAUTH)).forEach(post -> resume(post, detail));
    }

    /**
     * An operator's retry of a FAILED post: back to QUEUED, due now, its error cleared and its
     * containers forgotten so that they are created anew. False when the post is no longer FAILED.
     */
    public boolean requeueFailed(Post post, String detail) {
        if (post.status() != PostStatus.FAILED) {
            return false;
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update post set status = ?, resume_status = null, due_at = ?, attempts = 0, phase_started_at = ?,
                       error_code = null, error_subcode = null, error_message = null, updated_at = ?
                where id = ? and status = ?
                  and not exists (select 1 from post_container c where c.post_id = post.id
                                  and (c.publish_started_at is not null or c.publish_uncertain = true)
                                  and c.published_at is null)""")
                .params(PostStatus.QUEUED.name(), at(now), at(now), at(now), post.id(), PostStatus.FAILED.name()).update();
        if (changed != 1) {
            return false;
        }
        // Media already published stay recorded (a story goes on with the rest); the others start anew.
        jdbc.sql("delete from post_container where post_id = ? and published_at is null").param(post.id()).update();
        posts.appendHistory(post.id(), now, PostStatus.QUEUED, detail);
        log.info("post {} [{}] FAILED -> QUEUED: {}", post.id(), post.accountId(), detail);
        events.publishEvent(new PostsDue(post.id()));
        return true;
    }

    /**
     * Makes a post due now without changing its state (an UNCONFIRMED post is reconciled at
     * once rather than at its next check). False when its status changed meanwhile.
     */
    public boolean makeDueNow(Post post, String detail) {
        Instant now = clock.instant();
        int changed = jdbc.sql("update post set due_at = ?, updated_at = ? where id = ? and status = ?")
                .params(at(now), at(now), post.id(), post.status().name()).update();
        if (changed != 1) {
            return false;
        }
        posts.appendHistory(post.id(), now, post.status(), detail);
        log.info("post {} [{}] {} due now: {}", post.id(), post.accountId(), post.status(), detail);
        events.publishEvent(new PostsDue(post.id()));
        return true;
    }

    /**
     * Cancels a post that no worker holds and whose state allows it (the transition table).
     * False when it moved or was claimed meanwhile.
     */
    public boolean cancel(Post post, String detail) {
        if (!post.status().canMoveTo(PostStatus.CANCELLED)) {
            return false;
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update post set status = ?, resume_status = null, attempts = 0, phase_started_at = ?, updated_at = ?
                where id = ? and status = ? and (lease_until is null or lease_until < ?)
                  and not exists (select 1 from post_container c where c.post_id = post.id
                                  and (c.publish_started_at is not null or c.publish_uncertain = true
                                       or c.published_at is not null))""")
                .params(PostStatus.CANCELLED.name(), at(now), at(now), post.id(), post.status().name(), at(now)).update();
        if (changed != 1) {
            return false;
        }
        posts.appendHistory(post.id(), now, PostStatus.CANCELLED, detail);
        log.info("post {} [{}] {} -> CANCELLED: {}", post.id(), post.accountId(), post.status(), detail);
        return true;
    }

    /** Where a post that starts waiting returns to: a DEFERRED post keeps the state it was deferred from. */
    private static PostStatus resumeOf(Post post) {
        return post.status() == PostStatus.DEFERRED ? post.resumeStatus() : post.status();
    }
}
