package io.feedgram.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.feedgram.post.Container;
import io.feedgram.post.Post;
import io.feedgram.post.PostContainers;
import io.feedgram.post.PostKind;
import io.feedgram.post.ProcessingTime;
import org.springframework.stereotype.Component;

/**
 * When a post's containers are looked at next. {@code fixed}: every {@code poll-interval}.
 * {@code adaptive}: when they are likely ready, learned per bucket (kind of post, carousel or
 * not, with a video or not; a carousel's parent apart) from what Feedgram observed. The estimate
 * aims at a high share of the processing times, not their middle, because a look too early costs
 * a Graph call and a look a little late costs only that little: a look that finds them ready
 * lowers it by 2 %, more after each further success in a row (so a first guess far too high comes
 * down quickly), but never below four fifths of the time that look waited; a look that finds them
 * processing raises it to a fifth past the time already waited. That settles near one early look in ten. Observations are kept on the container rows, so
 * the estimates survive a restart (read once, on first use).
 */
@Component
public class PollSchedule {

    /** Adaptive looks after a miss come at least this far apart. */
    private static final long LEAST_WAIT_MS = 50;
    /** How many recent observations seed the estimates after a restart. */
    private static final int SEED_OBSERVATIONS = 500;

    /** The containers a look is about: the items, or a carousel's parent once it exists; since their creation. */
    record Phase(String bucket, Instant since) {
    }

    private final PostContainers containers;
    private final PublishingProperties settings;
    private final Clock clock;
    private final Map<String, Estimate> estimates = new ConcurrentHashMap<>();
    private volatile boolean seeded;

    public PollSchedule(PostContainers containers, PublishingProperties settings, Clock clock) {
        this.containers = containers;
        this.settings = settings;
        this.clock = clock;
    }

    private boolean adaptive() {
        return settings.pollPolicy() == PublishingProperties.PollPolicy.ADAPTIVE;
    }

    /**
     * Adaptive: a post of images only (no carousel) is published when likely ready without reading
     * its status first; {@code media_publish} answers 9007 if it is not, which costs what a read
     * costs and publishes nothing. Videos and carousels are read (a carousel's children must be
     * FINISHED before its parent is created: docs/instagram.md#carousel).
     */
    public boolean presumesReady(Post post) {
        return adaptive() && !post.hasVideo() && !isCarousel(post);
    }

    /**
     * Adaptive: a carousel of images, at the first look at its children (none created again), gets its parent when the
     * children are likely ready, without reading them. The parent is read before it is published anyway, and its
     * status covers its children: FINISHED only once they all are, ERROR when one failed (docs/instagram.md#carousel).
     */
    public boolean presumesChildrenReady(Post post, List<Container> current) {
        return adaptive() && isCarousel(post) && !post.hasVideo() && post.attempts() == 0
                && Container.createdParent(current).isEmpty()
                && current.stream().filter(c -> !c.isParent()).allMatch(c -> c.containerId() != null && c.recreations() == 0);
    }

    /** How long after its containers were created a post is first looked at. */
    public Duration firstLook(Post post) {
        return adaptive() ? Duration.ofMillis(estimate(bucket(post))) : settings.pollInterval();
    }

    /** How long after a carousel's parent was created it is first read. */
    public Duration firstParentLook(Post post) {
        return adaptive() ? Duration.ofMillis(estimate(bucket(post) + "/parent")) : settings.pollInterval();
    }

    /** The phase a post with these containers is in. */
    Phase phase(Post post, List<Container> current) {
        return Container.createdParent(current)
                .map(parent -> new Phase(bucket(post) + "/parent", parent.createdAt()))
                .orElseGet(() -> new Phase(bucket(post), current.stream().filter(c -> !c.isParent() && !c.isPublished())
                        .map(Container::createdAt).filter(Objects::nonNull).min(Instant::compareTo).orElse(null)));
    }

    /**
     * Adaptive: how much longer the estimate says to wait before looking, now that other posts of the
     * bucket may have taught it more than when this look was planned; zero when it is time.
     */
    public Duration stillToWait(Phase phase) {
        if (!adaptive()) {
            return Duration.ZERO;
        }
        long left = estimate(phase.bucket()) - waited(phase);
        return left > LEAST_WAIT_MS ? Duration.ofMillis(left) : Duration.ZERO;
    }

    /** How long to wait for the next look at containers still processing. */
    public Duration nextLook(Phase phase) {
        if (!adaptive()) {
            return settings.pollInterval();
        }
        long waited = waited(phase);
        long wait = Math.max(estimate(phase.bucket()) - waited, Math.max(LEAST_WAIT_MS, waited / 4));
        return Duration.ofMillis(Math.min(wait, settings.pollMaxInterval().toMillis()));
    }

    /** The containers were found ready (or still processing) now; learns from it. */
    public void observed(Post post, Phase phase, boolean ready) {
        if (phase.since() == null) {
            return;                                       // recorded before creation times were kept
        }
        long waited = waited(phase);
        learn(phase.bucket(), waited, ready);
        if (ready) {
            containers.recordReadyAfter(post.id(), phase.bucket(), waited);
        }
    }

    /** A bucket's estimate, and how many looks in a row found its containers ready. */
    private record Estimate(long millis, int readyInARow) {
    }

    private void learn(String bucket, long waited, boolean ready) {
        estimates.compute(bucket, (key, known) -> {
            Estimate estimate = known == null ? new Estimate(settings.pollInitialDelay().toMillis(), 0) : known;
            int readyInARow = ready ? estimate.readyInARow() + 1 : 0;
            // Ready says only that processing took at most the time waited: a step down, but never below four fifths
            // of that wait, so that posts looked at together (a burst, all found ready) lower it by one step, not by
            // a step each, compounded (twenty images once took a 2 s guess down to 64 ms, then all came too early).
            long millis = ready
                    ? Math.min(estimate.millis(), Math.max(estimate.millis() * (100 - 2L * Math.min(readyInARow, 10)) / 100,
                            waited * 4 / 5))
                    : Math.max(estimate.millis(), waited * 6 / 5 + LEAST_WAIT_MS);
            return new Estimate(Math.min(millis, settings.pollMaxInterval().toMillis()), readyInARow);
        });
    }

    private long estimate(String bucket) {
        seed();
        Estimate known = estimates.get(bucket);
        return known == null ? settings.pollInitialDelay().toMillis() : known.millis();
    }

    /** After a restart: each bucket starts from the median of its recent observations, a little below it. */
    private void seed() {
        if (seeded || !adaptive()) {
            return;
        }
        synchronized (this) {
            if (seeded) {
                return;
            }
            Map<String, List<Long>> byBucket = new HashMap<>();
            for (ProcessingTime observed : containers.recentProcessingTimes(SEED_OBSERVATIONS)) {
                byBucket.computeIfAbsent(observed.bucket(), b -> new ArrayList<>()).add(observed.millis());
            }
            byBucket.forEach((bucket, millis) -> {
                List<Long> sorted = millis.stream().sorted().toList();
                estimates.putIfAbsent(bucket, new Estimate(Math.min(sorted.get(sorted.size() / 2) * 9 / 10,
                        settings.pollMaxInterval().toMillis()), 0));
            });
            seeded = true;
        }
    }

    private long waited(Phase phase) {
        return phase.since() == null ? 0 : Math.max(0, Duration.between(phase.since(), clock.instant()).toMillis());
    }

    private static boolean isCarousel(Post post) {
        return post.media().size() > 1 && post.kind() != PostKind.STORY;
    }

    /** Posts that Instagram processes alike: kind, carousel or not, and whether a video is in it. */
    static String bucket(Post post) {
        return post.kind() + (isCarousel(post) ? "/carousel" : "") + (post.hasVideo() ? "/video" : "/image");
    }
}
