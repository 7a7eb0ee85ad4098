package io.feedgram.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.post.Container;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.Post;
import io.feedgram.post.PostContainers;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostRepository;
import io.feedgram.post.TrackedAccounts;
import io.feedgram.testing.MutableClock;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** When containers are looked at: learned from what was observed, kept across a restart; or on a fixed grid. */
class PollScheduleTest {

    private final MutableClock clock = new MutableClock();
    private final JdbcDataSource h2 = database();
    private final JdbcClient jdbc = JdbcClient.create(h2);
    private final PostRepository posts = new PostRepository(jdbc, new ObjectMapper(), clock, event -> { },
            new TrackedAccounts(jdbc, clock, h2));
    private final PostContainers containers = new PostContainers(jdbc);

    private static JdbcDataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).load().migrate();
        return h2;
    }

    private Post reel() {
        return post(PostKind.REEL, MediaType.VIDEO);
    }

    /** A post of {@code kind} with one item per media type, its item containers just created. */
    private Post post(PostKind kind, MediaType... media) {
        List<MediaItem> items = Arrays.stream(media).map(type -> new MediaItem("https://example.org/" + type, type, null)).toList();
        String id = posts.insert(new NewPost("acct", kind, "p", items, PostOptions.NONE, "test", null, null));
        for (int i = 0; i < items.size(); i++) {
            containers.save(id, i, "c-" + id + "-" + i, clock.instant());
        }
        return posts.find(id).orElseThrow();
    }

    /** A reel whose container turned out ready {@code readyAfter} after creation, read when the schedule said. */
    private Duration publishOne(PollSchedule schedule, Duration readyAfter) {
        Post post = reel();
        Instant created = clock.instant();
        clock.advance(schedule.firstLook(post));
        while (Duration.between(created, clock.instant()).compareTo(readyAfter) < 0) {
            PollSchedule.Phase phase = schedule.phase(post, containers.of(post.id()));
            schedule.observed(post, phase, false);
            clock.advance(schedule.nextLook(phase));
        }
        schedule.observed(post, schedule.phase(post, containers.of(post.id())), true);
        return Duration.between(created, clock.instant());
    }

    @Test
    void adaptiveLooksConvergeOnTheProcessingTimeAndSurviveARestart() {
        PublishingProperties settings = PublishingPropertiesTest.settings(PublishingProperties.PollPolicy.ADAPTIVE);
        PollSchedule schedule = new PollSchedule(containers, settings, clock);
        assertThat(schedule.firstLook(reel())).as("the first guess").isEqualTo(Duration.ofSeconds(2));

        // Reels that take 6 s: the first waits are too short, then the looks settle just after 6 s.
        Duration seen = Duration.ZERO;
        for (int i = 0; i < 20; i++) {
            seen = publishOne(schedule, Duration.ofSeconds(6));
        }
        assertThat(seen).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(8));
        assertThat(schedule.firstLook(reel())).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));

        // A new instance (a restart) starts from what the container rows say, not from the first guess.
        PollSchedule restarted = new PollSchedule(containers, settings, clock);
        assertThat(restarted.firstLook(reel())).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        // Images are published without a look; reels are read.
        assertThat(restarted.presumesReady(reel())).isFalse();
    }

    @Test
    void postsFoundReadyTogetherLowerTheEstimateByOneStep() {
        PollSchedule schedule = new PollSchedule(containers, PublishingPropertiesTest.settings(
                PublishingProperties.PollPolicy.ADAPTIVE), clock);
        // Twenty images created in one burst and all found ready at the first guess, 2 s, say only that images take
        // at most that long: the next guess comes down by a step, to no less than four fifths of it, not to a
        // fraction of a second by twenty steps compounded. Then the same again from there.
        Duration guess = Duration.ofSeconds(2);
        for (int burst = 0; burst < 2; burst++) {
            List<Post> posted = IntStream.range(0, 20).mapToObj(i -> post(PostKind.FEED, MediaType.IMAGE)).toList();
            assertThat(schedule.firstLook(posted.get(0))).isEqualTo(guess);
            clock.advance(guess);
            posted.forEach(p -> schedule.observed(p, schedule.phase(p, containers.of(p.id())), true));
            Duration next = schedule.firstLook(post(PostKind.FEED, MediaType.IMAGE));
            assertThat(next).isBetween(guess.multipliedBy(4).dividedBy(5), guess);
            guess = next;
        }
        assertThat(guess).isGreaterThanOrEqualTo(Duration.ofMillis(1280));
    }

    @Test
    void aCarouselOfImagesGetsItsParentWithoutItsChildrenBeingRead() {
        PollSchedule schedule = new PollSchedule(containers, PublishingPropertiesTest.settings(
                PublishingProperties.PollPolicy.ADAPTIVE), clock);
        Post carousel = post(PostKind.FEED, MediaType.IMAGE, MediaType.IMAGE, MediaType.IMAGE);
        assertThat(schedule.presumesChildrenReady(carousel, containers.of(carousel.id()))).isTrue();
        assertThat(schedule.presumesReady(carousel)).as("its parent is read").isFalse();

        // After a first look (Instagram refused the parent, so the children were read), or once created again,
        // the children are read.
        jdbc.sql("update post set attempts = 1 where id = ?").param(carousel.id()).update();
        Post lookedAt = posts.find(carousel.id()).orElseThrow();
        assertThat(schedule.presumesChildrenReady(lookedAt, containers.of(carousel.id()))).isFalse();
        Post recreated = post(PostKind.FEED, MediaType.IMAGE, MediaType.IMAGE);
        containers.drop(recreated.id(), 0);
        containers.save(recreated.id(), 0, "c-again", clock.instant());
        assertThat(schedule.presumesChildrenReady(recreated, containers.of(recreated.id()))).isFalse();
        // With a parent, only the parent is read.
        Post withParent = post(PostKind.FEED, MediaType.IMAGE, MediaType.IMAGE);
        containers.save(withParent.id(), Container.PARENT, "c-parent", clock.instant());
        assertThat(schedule.presumesChildrenReady(withParent, containers.of(withParent.id()))).isFalse();
        // A video's processing time is its own: read.
        Post mixed = post(PostKind.FEED, MediaType.IMAGE, MediaType.VIDEO);
        assertThat(schedule.presumesChildrenReady(mixed, containers.of(mixed.id()))).isFalse();
        // Stories are published frame by frame, not as a carousel.
        Post story = post(PostKind.STORY, MediaType.IMAGE, MediaType.IMAGE);
        assertThat(schedule.presumesChildrenReady(story, containers.of(story.id()))).isFalse();
    }

    @Test
    void fixedLooksEveryIntervalExactly() {
        PollSchedule schedule = new PollSchedule(containers, PublishingPropertiesTest.settings(
                PublishingProperties.PollPolicy.FIXED), clock);
        Post post = reel();
        assertThat(schedule.firstLook(post)).isEqualTo(Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(3));
        PollSchedule.Phase phase = schedule.phase(post, containers.of(post.id()));
        schedule.observed(post, phase, false);
        assertThat(schedule.nextLook(phase)).isEqualTo(Duration.ofSeconds(3));
        assertThat(schedule.presumesReady(post)).isFalse();
        Post carousel = post(PostKind.FEED, MediaType.IMAGE, MediaType.IMAGE);
        assertThat(schedule.presumesChildrenReady(carousel, containers.of(carousel.id()))).isFalse();
    }
}
