package io.feedgram.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.Post;
import io.feedgram.post.PostContainers;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostRepository;
import io.feedgram.testing.MutableClock;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** When containers are looked at: learned from what was observed, kept across a restart; or on a fixed grid. */
class PollScheduleTest {

    private final MutableClock clock = new MutableClock();
    private final JdbcClient jdbc = database();
    private final PostRepository posts = new PostRepository(jdbc, new ObjectMapper(), clock, event -> { });
    private final PostContainers containers = new PostContainers(jdbc);

    private static JdbcClient database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).load().migrate();
        return JdbcClient.create(h2);
    }

    private Post reel() {
        String id = posts.insert(new NewPost("acct", PostKind.REEL, "r", List.of(new MediaItem("https://example.org/r.mp4",
                MediaType.VIDEO, null)), PostOptions.NONE, "test", null, null));
        containers.save(id, 0, "c-" + id, clock.instant());
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
    }
}
