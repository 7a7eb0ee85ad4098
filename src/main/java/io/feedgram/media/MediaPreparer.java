package io.feedgram.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import io.feedgram.post.Post;
import io.feedgram.post.PostError;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostTransitions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/**
 * Makes a queued post's media acceptable to Instagram before any container exists: it carries out
 * the {@link MediaPlanner}'s plan. Each item is passed through, or converted into a compliant JPEG
 * (a video: transcoded into an MP4) that Feedgram serves, or the post fails with one sentence
 * naming every bad item. Each result is
 * recorded the moment it is made, and a copy's name is reserved before it is converted, so a
 * restart resumes here and converts nothing twice.
 */
@Component
public class MediaPreparer {

    private final MediaPlanner planner;
    private final PreparedMedia prepared;
    private final MediaStore store;
    private final ServedMedia served;
    private final PostRepository posts;
    private final PostTransitions transitions;
    private final MeterRegistry meters;
    private final ImageNormaliser normaliser;
    private final VideoTranscoder transcoder;

    MediaPreparer(MediaPlanner planner, PreparedMedia prepared, MediaStore store, ServedMedia served, MediaProperties properties,
                  PostRepository posts, PostTransitions transitions, MeterRegistry meters,
                  VideoTranscoder transcoder) {
        this.transcoder = transcoder;
        this.planner = planner;
        this.prepared = prepared;
        this.store = store;
        this.served = served;
        this.posts = posts;
        this.transitions = transitions;
        this.meters = meters;
        this.normaliser = new ImageNormaliser(properties.settings());
    }

    /** The post as it is afterwards: still QUEUED with every item prepared, or FAILED with the reason. */
    public Post prepare(@Body Post post) {
        Set<Integer> done = prepared.of(post.id()).stream().map(PreparedMedia.Item::position).collect(Collectors.toSet());
        if (done.size() == post.media().size()) {
            return post;
        }
        try (MediaPlanner.Plan plan = planner.plan(post.kind(), post.media())) {
            if (plan.refusal() != null) {
                refuse(post, plan.refusal());
            } else {
                for (int i = 0; i < plan.decisions().size(); i++) {
                    if (done.contains(i)) {
                        continue;
                    }
                    try {
                        carryOut(post, i, plan.inspected().get(i), plan.decisions().get(i), plan.files().get(i));
                    } catch (MediaProblem problem) {
                        // a video ffmpeg cannot transcode in time, or at all: trying again would end the same way
                        refuse(post, MediaPlanner.label(post.media(), i) + problem.getMessage());
                        break;
                    }
                }
            }
        }
        return posts.find(post.id()).orElseThrow();
    }

    private void refuse(Post post, String reason) {
        meters.counter("feedgram.media.items", "outcome", "refused").increment();
        String detail = "media refused before any container: " + reason;
        transitions.fail(post, new PostError(null, null, detail), detail);
    }

    private void carryOut(Post post, int position, InspectedMedia item, MediaDecision decision, Path file) {
        if (decision instanceof MediaDecision.Normalise plan && plan.steps().contains(NormaliseStep.TRANSCODE)) {
            String name = prepared.reserve(post.id(), position, () -> store.newName("mp4"));
            String note = store.isWholeMp4(name) ? "transcoded before a restart" : transcode(name, item, file);
            prepared.record(post.id(), new PreparedMedia.Item(position, served.url(name), note, name));
            meters.counter("feedgram.media.items", "outcome", "transcoded").increment();
        } else if (decision instanceof MediaDecision.Normalise plan) {
            String name = prepared.reserve(post.id(), position, store::newName);
            String note = store.isWholeJpeg(name) ? "converted before a restart" : convert(name, plan, file);
            prepared.record(post.id(), new PreparedMedia.Item(position, served.url(name), note, name));
            meters.counter("feedgram.media.items", "outcome", "converted").increment();
        } else {
            String note = "passed through as it is (" + MediaPlanner.describe(item.facts()) + ")";
            prepared.record(post.id(), new PreparedMedia.Item(position, item.url(), note, null));
            meters.counter("feedgram.media.items", "outcome", "passed").increment();
        }
    }

    /** Transcodes the scratch file into the copy called {@code name}; what was done, as the post's history tells it. */
    private String transcode(String name, InspectedMedia item, Path file) {
        Timer.Sample timing = Timer.start(meters);
        Path partial = store.scratch();
        try {
            VideoFacts made = transcoder.transcode(file, partial);
            store.place(partial, name);
            return MediaPlanner.describe(item.facts()) + " → " + String.format(java.util.Locale.ROOT,
                    "MP4 H.264 %d×%d, %.0f fps%s, transcoded", made.width(), made.height(), made.fps(),
                    made.audioCodec() == null ? "" : ", AAC");
        } finally {
            timing.stop(meters.timer("feedgram.media.transcoding"));
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a scratch file left behind is swept with the others
            }
        }
    }

    private String convert(String name, MediaDecision.Normalise plan, Path file) {
        Timer.Sample timing = Timer.start(meters);
        try {
            NormalisedImage image = normaliser.normalise(Files.readAllBytes(file), plan);
            store.save(name, image.jpeg());
            return image.description();
        } catch (IOException e) {
            throw new UncheckedIOException("the image could not be converted", e);
        } finally {
            timing.stop(meters.timer("feedgram.media.conversion"));
        }
    }
}
