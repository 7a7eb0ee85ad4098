package io.feedgram.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrations and the repository on both databases Feedgram supports: H2 and a real PostgreSQL. */
class PostRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    static Stream<Arguments> databases() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", postgres.getPostgresDatabase()));
    }

    /** The post tables' repositories, as the application wires them, on a freshly migrated database. */
    private record Stores(PostRepository posts, PostTransitions transitions, PostLeases leases, PostContainers containers) {
    }

    private static Stores stores(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        PostRepository posts = new PostRepository(jdbc, new ObjectMapper(), clock, event -> { },
                new TrackedAccounts(jdbc, clock, dataSource));
        return new Stores(posts, new PostTransitions(jdbc, posts, clock, event -> { }), new PostLeases(jdbc, dataSource, clock),
                new PostContainers(jdbc));
    }

    /** What the dispatcher does: claim what is due at {@code now} in one statement, two minutes' lease. */
    private static List<String> claim(Stores db, String worker, Instant now) {
        return db.leases().claim(worker + ":", 10, 2, now, now.plusSeconds(120));
    }

    private static NewPost carousel(String key) {
        return new NewPost("acct", PostKind.FEED, "Two pictures #one",
                List.of(new MediaItem("https://example.org/1.jpg", MediaType.IMAGE, "first"),
                        new MediaItem("https://example.org/2.mp4", MediaType.VIDEO, null)),
                new PostOptions(true, null, null, "42", List.of("friend"), null), "inbox", key, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesAPostWithItsMediaOptionsAndHistory(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        PostRepository posts = db.posts();
        String id = posts.insert(carousel(null));

        Post post = posts.find(id).orElseThrow();
        assertThat(post.status()).isEqualTo(PostStatus.QUEUED);
        assertThat(post.dueAt()).isEqualTo(NOW);
        assertThat(post.media()).extracting(MediaItem::type).containsExactly(MediaType.IMAGE, MediaType.VIDEO);
        assertThat(post.options().locationId()).isEqualTo("42");
        assertThat(post.options().collaborators()).containsExactly("friend");
        assertThat(posts.history(id)).singleElement().extracting(HistoryEntry::status).isEqualTo(PostStatus.QUEUED);
    }

    /** The first comments' due read passes over the posts that have none, by index (FirstComments.claim). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPostWithoutAFirstCommentIsStoredAsHavingNone(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        String without = db.posts().insert(carousel(null));
        String with = db.posts().insert(new NewPost("acct", PostKind.FEED, "x", carousel(null).media(),
                new PostOptions(null, null, null, null, null, null, "First!"), "inbox", null, null));
        JdbcClient jdbc = JdbcClient.create(dataSource);

        assertThat(jdbc.sql("select first_comment_status from post where id = ?").param(without).query(String.class).single())
                .isEqualTo("NONE");
        assertThat(jdbc.sql("select first_comment_status from post where id = ?").param(with).query(String.class).optional())
                .as("not looked at yet").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void postIdsFollowTheOrderPostsWereStoredIn(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            stored.add(db.posts().insert(carousel(null)));
        }

        assertThat(stored).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
        assertThat(JdbcClient.create(dataSource).sql("select id from post order by id").query(String.class).list())
                .as("the index on ids holds new posts together, in the order they came").isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSkippedSubmissionIsKeptWithItsReasonAndNeverPickedUp(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        PostRepository posts = db.posts();
        String id = posts.insertSkipped(new NewPost("acct", PostKind.FEED, "text only", List.of(), null, "feed:blog",
                "feed:blog:42", null), "no image or video");
        Post skipped = posts.find(id).orElseThrow();
        assertThat(skipped.status()).isEqualTo(PostStatus.SKIPPED);
        assertThat(skipped.error().message()).isEqualTo("skipped: no image or video");
        assertThat(claim(db, "w", NOW.plusSeconds(60))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPostThatMayBeLiveIsNeitherRetriedBlindlyNorCancelled(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        PostRepository posts = db.posts();
        // A story whose first frame went out before the second failed: a retry keeps the first.
        Post story = posts.find(posts.insert(carousel(null))).orElseThrow();
        db.containers().save(story.id(), 0, "c-0", NOW);
        db.containers().recordPublished(story.id(), 0, "m-0", NOW);
        db.containers().save(story.id(), 1, "c-1", NOW);
        db.transitions().fail(story, new PostError(null, 2207026, "video"), "failed");
        assertThat(db.transitions().requeueFailed(posts.find(story.id()).orElseThrow(), "retry")).isTrue();
        assertThat(db.containers().of(story.id())).extracting(Container::containerId).containsExactly("c-0");

        // An attempt whose outcome is unknown: no retry until it is reconciled.
        Post unsure = posts.find(posts.insert(carousel(null))).orElseThrow();
        db.containers().save(unsure.id(), -1, "c-parent", NOW);
        db.containers().markPublishUncertain(unsure.id(), -1);
        db.transitions().fail(unsure, null, "failed");
        assertThat(db.transitions().requeueFailed(posts.find(unsure.id()).orElseThrow(), "retry")).isFalse();

        // Live (or maybe live) media: cancelling would hide a published post.
        Post queued = posts.find(posts.insert(carousel(null))).orElseThrow();
        db.containers().save(queued.id(), 0, "c-q", NOW);
        db.containers().markPublishStarted(queued.id(), 0, NOW);
        assertThat(db.transitions().cancel(queued, "cancel")).isFalse();
        Post clean = posts.find(posts.insert(carousel(null))).orElseThrow();
        assertThat(db.transitions().cancel(clean, "cancel")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSourceKeyIsTakenOnce(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        PostRepository posts = db.posts();
        String first = posts.insert(carousel("feed:blog:entry-1"));
        assertThat(posts.insert(carousel("feed:blog:entry-1"))).isEqualTo(first);
        assertThat(posts.insert(carousel("feed:blog:entry-2"))).isNotEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void movesAreCompareAndSetAndAppendHistory(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        PostRepository posts = db.posts();
        Post queued = posts.find(posts.insert(carousel(null))).orElseThrow();

        db.transitions().advance(queued, PostStatus.CONTAINERS_CREATED, NOW.plusSeconds(2), "created");
        // A second worker still holding the QUEUED copy must not move it again.
        assertThatThrownBy(() -> db.transitions().advance(queued, PostStatus.CONTAINERS_CREATED, NOW, "again"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no longer QUEUED");
        Post created = posts.find(queued.id()).orElseThrow();
        assertThatThrownBy(() -> db.transitions().advance(created, PostStatus.PUBLISHED, NOW, "shortcut"))
                .hasMessageContaining("cannot move");

        db.transitions().fail(created, new PostError(36003, 2207009, "aspect ratio"), "refused");
        Post failed = posts.find(queued.id()).orElseThrow();
        assertThat(failed.error()).isEqualTo(new PostError(36003, 2207009, "aspect ratio"));
        assertThat(posts.history(queued.id())).extracting(HistoryEntry::status)
                .containsExactly(PostStatus.QUEUED, PostStatus.CONTAINERS_CREATED, PostStatus.FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dueWorkIsLeasedToOneWorkerAtATime(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        PostRepository posts = db.posts();
        String due = posts.insert(carousel(null));
        posts.insert(new NewPost("acct", PostKind.FEED, "later", carousel(null).media(), null, "inbox", null,
                NOW.plusSeconds(3600)));

        assertThat(claim(db, "worker-a", NOW)).containsExactly(due);
        Post staleClaim = posts.find(due).orElseThrow();            // worker-a's view
        assertThat(staleClaim.leaseOwner()).isEqualTo("worker-a:" + due);
        assertThat(claim(db, "worker-b", NOW)).isEmpty();
        assertThat(db.leases().nextDueAfter(NOW)).contains(NOW.plusSeconds(3600));
        // A crashed worker's lease runs out and the post is due again.
        assertThat(claim(db, "worker-b", NOW.plusSeconds(121))).containsExactly(due);
        // worker-a comes back late: it can neither extend nor release worker-b's claim.
        assertThat(db.leases().holdLease(staleClaim, NOW.plusSeconds(300))).isFalse();
        db.leases().release(staleClaim);
        assertThat(posts.find(due).orElseThrow().leaseOwner()).isEqualTo("worker-b:" + due);
        Post current = posts.find(due).orElseThrow();
        assertThat(db.leases().holdLease(current, NOW.plusSeconds(300))).isTrue();
        db.leases().release(current);
        assertThat(posts.find(due).orElseThrow().leaseOwner()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pausedAccountsAreNotPickedUp(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        PostRepository posts = db.posts();
        String id = posts.insert(carousel(null));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("update account_state set status = 'NEEDS_REAUTH' where account_id = 'acct'").update())
                .as("the queued post's account is tracked").isEqualTo(1);
        assertThat(claim(db, "w", NOW)).isEmpty();
        jdbc.sql("update account_state set status = 'PAUSED', paused_until = ?").param(NOW.plusSeconds(60).atOffset(ZoneOffset.UTC)).update();
        assertThat(claim(db, "w", NOW)).isEmpty();
        assertThat(claim(db, "w", NOW.plusSeconds(61))).containsExactly(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void startedPostsComeFirstAndContainersAreCreatedJustInTime(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        PostRepository posts = db.posts();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> queued = Stream.of(1, 2, 3, 4).map(s -> posts.insert(new NewPost("acct", PostKind.FEED, "x",
                carousel(null).media(), null, "inbox", null, NOW.plusSeconds(s)))).toList();
        String other = posts.insert(new NewPost("other", PostKind.FEED, "x", carousel(null).media(), null, "inbox", null,
                NOW.plusSeconds(5)));
        // The newest post is already READY: it is claimed before the older QUEUED ones.
        String ready = posts.insert(new NewPost("acct", PostKind.FEED, "x", carousel(null).media(), null, "inbox", null,
                NOW.plusSeconds(6)));
        Instant later = NOW.plusSeconds(10);
        jdbc.sql("update post set status = 'READY' where id = ?").param(ready).update();

        // acct has one started post, so with room for two only one more QUEUED post of it is begun; "other" is not held back.
        assertThat(db.leases().claim("w:", 1, 2, later, later.plusSeconds(120))).containsExactly(ready);
        assertThat(claim(db, "w", later)).containsExactlyInAnyOrder(queued.get(0), other);
        assertThat(claim(db, "w", later)).as("acct has two posts under way").isEmpty();

        // A READY post waits while its account's publish lock is held (by this replica or another).
        db.leases().release(posts.find(ready).orElseThrow());
        jdbc.sql("update account_state set publish_lease_owner = 'lock', publish_lease_until = ? where account_id = 'acct'")
                .param(NOW.plusSeconds(15).atOffset(ZoneOffset.UTC)).update();
        assertThat(claim(db, "w", later)).isEmpty();
        assertThat(claim(db, "w", NOW.plusSeconds(16))).as("lock expired; leases of the others still hold").containsExactly(ready);
        assertThat(db.leases().releaseAll("w:")).isEqualTo(3);
    }

    /**
     * Posts to begin are read per account with room while such accounts are few, and by a scan of the backlog past
     * the full accounts when they are many: either way each account with room begins its oldest post, and a full
     * account's backlog is passed over.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachAccountWithRoomBeginsItsOldestPostHoweverManyAccountsThereAre(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        PostRepository posts = db.posts();
        for (int accounts : List.of(3, 70)) {
            List<String> oldest = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                for (int s = 1; s <= 2; s++) {
                    String id = posts.insert(new NewPost(accounts + "-" + i, PostKind.FEED, "x", carousel(null).media(),
                            null, "inbox", null, NOW.plusSeconds(s)));
                    if (s == 1) {
                        oldest.add(id);
                    }
                }
            }
            String full = accounts + "-full";
            List<String> backlog = Stream.of(0, 1, 2).map(s -> posts.insert(new NewPost(full, PostKind.FEED, "x",
                    carousel(null).media(), null, "inbox", null, NOW.minusSeconds(60 - s)))).toList();
            Instant later = NOW.plusSeconds(10);
            assertThat(db.leases().claim("full:", 1, 1, later, later.plusSeconds(120))).containsExactly(backlog.get(0));

            List<String> claimed = db.leases().claim(accounts + ":", 500, 1, later, later.plusSeconds(120));

            assertThat(claimed).as("%d accounts with room", accounts).containsExactlyInAnyOrderElementsOf(oldest);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void containersRecordIdsPublishMarkersAndRecreations(String name, DataSource dataSource) {
        Stores db = stores(dataSource);
        PostRepository posts = db.posts();
        String id = posts.insert(carousel(null));
        db.containers().save(id, 0, "1790000000000001", NOW);
        db.containers().save(id, 1, "1790000000000002", NOW);
        db.containers().save(id, Container.PARENT, "1790000000000003", NOW);
        db.containers().markPublishStarted(id, Container.PARENT, NOW);
        db.containers().recordPublished(id, Container.PARENT, "1800000000000009", NOW);
        db.containers().recordPermalink(id, Container.PARENT, "https://www.instagram.com/p/abc/");
        db.containers().drop(id, 1);

        List<Container> containers = db.containers().of(id);
        assertThat(containers).extracting(Container::position).containsExactly(-1, 0, 1);
        Container parent = containers.get(0);
        assertThat(parent.isPublished()).isTrue();
        assertThat(parent.mediaId()).isEqualTo("1800000000000009");
        assertThat(parent.publishStartedAt()).isEqualTo(NOW);
        assertThat(containers.get(2).containerId()).isNull();
        assertThat(containers.get(2).recreations()).isEqualTo(1);
    }
}
