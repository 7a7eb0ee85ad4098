package io.feedgram.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.feedgram.graph.MetaEndpoints;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.Post;
import io.feedgram.post.PostError;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostTransitions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/**
 * Makes a queued post's media acceptable to Instagram before any container exists: each item is
 * downloaded and inspected, the post is decided as a whole (a carousel's images share one ratio),
 * and each item is passed through, converted into a compliant JPEG that Feedgram serves, or the
 * post fails with one sentence naming every bad item. Each result is recorded the moment it is
 * made, so a restart resumes here and converts nothing twice.
 */
@Component
public class MediaPreparer {

    private final PreparedMedia prepared;
    private final MediaDownloader downloader;
    private final MediaStore store;
    private final MediaProperties properties;
    private final MetaEndpoints endpoints;
    private final PostRepository posts;
    private final PostTransitions transitions;
    private final MeterRegistry meters;
    private final ImageInspector images = new ImageInspector();
    private final VideoInspector videos = new VideoInspector();
    private final MediaDecider decider;
    private final ImageNormaliser normaliser;

    MediaPreparer(PreparedMedia prepared, MediaDownloader downloader, MediaStore store, MediaProperties properties,
                  MetaEndpoints endpoints, PostRepository posts, PostTransitions transitions, MeterRegistry meters) {
        this.prepared = prepared;
        this.downloader = downloader;
        this.store = store;
        this.properties = properties;
        this.endpoints = endpoints;
        this.posts = posts;
        this.transitions = transitions;
        this.meters = meters;
        this.decider = new MediaDecider(properties.settings());
        this.normaliser = new ImageNormaliser(properties.settings());
    }

    /** The post as it is afterwards: still QUEUED with every item prepared, or FAILED with the reason. */
    public Post prepare(@Body Post post) {
        if (prepared.of(post.id()).size() == post.media().size()) {
            return post;
        }
        List<Path> files = new ArrayList<>();
        try {
            List<InspectedMedia> inspected = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < post.media().size(); i++) {
                MediaItem item = post.media().get(i);
                try {
                    Path file = store.scratch();
                    files.add(file);
                    fetch(item, file);
                    inspected.add(new InspectedMedia(item.url(), inspect(item, file)));
                } catch (MediaProblem problem) {
                    problems.add(label(post, i) + problem.getMessage());
                    inspected.add(null);
                }
            }
            if (!problems.isEmpty()) {
                return refuse(post, String.join("; ", problems));
            }
            List<MediaDecision> decisions = decide(post, inspected);
            String refusals = refusals(post, decisions);
            if (refusals != null) {
                return refuse(post, refusals);
            }
            for (int i = 0; i < decisions.size(); i++) {
                carryOut(post, i, inspected.get(i), decisions.get(i), files.get(i));
            }
            return posts.find(post.id()).orElseThrow();
        } finally {
            files.forEach(MediaPreparer::deleteQuietly);
        }
    }

    /** An upload, or a copy Feedgram already serves, is read from the store; anything else is downloaded. */
    private void fetch(MediaItem item, Path into) {
        String served = endpoints.publicUrl() + "/media/";
        Optional<Path> kept = item.url().startsWith(served)
                ? store.find(item.url().substring(served.length())) : Optional.empty();
        if (kept.isEmpty()) {
            downloader.download(item.url(), maxBytes(item), into);
            return;
        }
        try {
            Files.copy(kept.get(), into, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("an upload cannot be read from the store", e);
        }
    }

    private MediaFacts inspect(MediaItem item, Path file) {
        try {
            return item.type() == MediaType.VIDEO ? videos.inspect(file) : images.inspect(file);
        } catch (IOException e) {
            throw new MediaProblem("the media at " + MediaDownloader.shown(item.url()) + " cannot be read: " + e.getMessage());
        }
    }

    /** Story frames and a reel are decided one by one; two or more feed items are a carousel, decided together. */
    private List<MediaDecision> decide(Post post, List<InspectedMedia> inspected) {
        if (post.kind() == PostKind.FEED && inspected.size() > 1) {
            return decider.decideCarousel(inspected).children();
        }
        return inspected.stream().map(item -> decider.decide(item, target(post.kind(), item.facts()))).toList();
    }

    private static MediaTarget target(PostKind kind, MediaFacts facts) {
        boolean video = facts instanceof VideoFacts;
        return switch (kind) {
            case STORY -> video ? MediaTarget.STORY_VIDEO : MediaTarget.STORY_IMAGE;
            case REEL -> MediaTarget.REEL_VIDEO;
            case FEED -> video ? MediaTarget.REEL_VIDEO : MediaTarget.FEED_IMAGE;   // one video in the feed is a reel
        };
    }

    private static String refusals(Post post, List<MediaDecision> decisions) {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i) instanceof MediaDecision.Refuse refuse) {
                reasons.add(label(post, i) + refuse.reason());
            } else if (decisions.get(i) instanceof MediaDecision.Normalise plan && plan.steps().contains(NormaliseStep.TRANSCODE)) {
                reasons.add(label(post, i) + "the video needs transcoding, which this Feedgram does not do yet");
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private void carryOut(Post post, int position, InspectedMedia item, MediaDecision decision, Path file) {
        if (prepared.of(post.id()).stream().anyMatch(p -> p.position() == position)) {
            return;
        }
        if (decision instanceof MediaDecision.Normalise plan) {
            String name = prepared.reserve(post.id(), position, store::newName);
            String note = store.find(name).isPresent() ? "converted before a restart" : convert(name, plan, file);
            prepared.record(post.id(), new PreparedMedia.Item(position, endpoints.publicUrl() + "/media/" + name, note, name));
            meters.counter("feedgram.media.items", "outcome", "converted").increment();
        } else {
            String note = "passed through as it is (" + describe(item.facts()) + ")";
            prepared.record(post.id(), new PreparedMedia.Item(position, item.url(), note, null));
            meters.counter("feedgram.media.items", "outcome", "passed").increment();
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

    private Post refuse(Post post, String reason) {
        meters.counter("feedgram.media.items", "outcome", "refused").increment();
        String detail = "media refused before any container: " + reason;
        transitions.fail(post, new PostError(null, null, detail), detail);
        return posts.find(post.id()).orElseThrow();
    }

    private long maxBytes(MediaItem item) {
        return (item.type() == MediaType.VIDEO ? properties.maxVideoBytes() : properties.maxImageBytes()).toBytes();
    }

    private static String label(Post post, int position) {
        return post.media().size() > 1 ? "item " + (position + 1) + ": " : "";
    }

    private static String describe(MediaFacts facts) {
        return facts instanceof ImageFacts image ? image.label()
                : facts instanceof VideoFacts video ? video.container() + " " + video.videoCodec() + ", "
                        + String.format(java.util.Locale.ROOT, "%.1f s", video.seconds()) : "unknown";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a scratch file left behind is removed with the store's tmp directory
        }
    }
}
