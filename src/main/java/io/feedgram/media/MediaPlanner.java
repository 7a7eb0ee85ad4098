package io.feedgram.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.PostKind;
import org.springframework.stereotype.Component;

/**
 * Decides what a post's media need, without changing anything: each item is fetched into a
 * scratch file and inspected, and the post is decided as a whole (two or more feed items are a
 * carousel whose images share one ratio). The publishing step carries the plan out; the feed
 * preview only shows it.
 */
@Component
public class MediaPlanner {

    private final MediaDownloader downloader;
    private final MediaStore store;
    private final ServedMedia served;
    private final MediaProperties properties;
    private final ImageInspector images = new ImageInspector();
    private final VideoInspector videos = new VideoInspector();
    private final MediaDecider decider;
    private final VideoTranscoder transcoder;

    MediaPlanner(MediaDownloader downloader, MediaStore store, ServedMedia served, MediaProperties properties,
                 VideoTranscoder transcoder) {
        this.downloader = downloader;
        this.transcoder = transcoder;
        this.store = store;
        this.served = served;
        this.properties = properties;
        this.decider = new MediaDecider(properties.settings());
    }

    /**
     * The plan for {@code media} published as {@code kind}. Close it to delete its scratch files. Its
     * {@code refusal} names every item that cannot be published, or is null.
     */
    public Plan plan(PostKind kind, List<MediaItem> media) {
        List<Path> files = new ArrayList<>();
        List<InspectedMedia> inspected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            MediaItem item = media.get(i);
            Path file = store.scratch();
            files.add(file);
            try {
                fetch(item, file);
                inspected.add(new InspectedMedia(item.url(), inspect(item, file)));
            } catch (MediaProblem problem) {
                problems.add(label(media, i) + problem.getMessage());
                inspected.add(null);
            }
        }
        if (!problems.isEmpty()) {
            return new Plan(files, inspected, List.of(), String.join("; ", problems));
        }
        List<MediaDecision> decisions = decide(kind, inspected);
        return new Plan(files, inspected, decisions, refusals(media, decisions));
    }

    /** A plan: per item its scratch file, facts and decision, and the refusal of the whole post if any. */
    public record Plan(List<Path> files, List<InspectedMedia> inspected, List<MediaDecision> decisions, String refusal)
            implements AutoCloseable {

        /** One line per item, as a person reads it ("passes as it is: JPEG 1080×1080", "converted: ..."). */
        public List<String> summary() {
            if (refusal != null) {
                return List.of("refused: " + refusal);
            }
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < decisions.size(); i++) {
                lines.add(decisions.get(i) instanceof MediaDecision.Normalise n && n.steps().contains(NormaliseStep.TRANSCODE)
                        ? "transcoded to an MP4 with H.264 and AAC (" + describe(inspected.get(i).facts()) + ")"
                        : decisions.get(i) instanceof MediaDecision.Normalise n
                        ? "converted to a compliant JPEG (" + n.steps().stream().map(s -> s.name().toLowerCase(Locale.ROOT)
                                .replace('_', ' ')).collect(Collectors.joining(", ")) + "; " + n.ratio().words() + ")"
                        : "passes as it is (" + describe(inspected.get(i).facts()) + ")");
            }
            return lines;
        }

        @Override
        public void close() {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a scratch file left behind sits in the store's tmp directory, which holds nothing else
                }
            }
        }
    }

    /** An upload, or a copy Feedgram already serves, is read from the store; anything else is downloaded. */
    private void fetch(MediaItem item, Path into) {
        Optional<Path> kept = served.fileOf(item.url());
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

    private List<MediaDecision> decide(PostKind kind, List<InspectedMedia> inspected) {
        if (kind == PostKind.FEED && inspected.size() > 1) {
            return decider.decideCarousel(inspected).children();
        }
        return inspected.stream().map(item -> decider.decide(item, target(kind, item.facts()))).toList();
    }

    private static MediaTarget target(PostKind kind, MediaFacts facts) {
        boolean video = facts instanceof VideoFacts;
        return switch (kind) {
            case STORY -> video ? MediaTarget.STORY_VIDEO : MediaTarget.STORY_IMAGE;
            case REEL -> MediaTarget.REEL_VIDEO;
            case FEED -> video ? MediaTarget.REEL_VIDEO : MediaTarget.FEED_IMAGE;   // one video in the feed is a reel
        };
    }

    private String refusals(List<MediaItem> media, List<MediaDecision> decisions) {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i) instanceof MediaDecision.Refuse refuse) {
                reasons.add(label(media, i) + refuse.reason());
            } else if (decisions.get(i) instanceof MediaDecision.Normalise plan && plan.steps().contains(NormaliseStep.TRANSCODE)) {
                String unavailable = transcoder.unavailable();
                if (unavailable != null) {
                    reasons.add(label(media, i) + "the video needs transcoding, and " + unavailable);
                }
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private long maxBytes(MediaItem item) {
        return (item.type() == MediaType.VIDEO ? properties.maxVideoBytes() : properties.maxImageBytes()).toBytes();
    }

    static String label(List<MediaItem> media, int position) {
        return media.size() > 1 ? "item " + (position + 1) + ": " : "";
    }

    static String describe(MediaFacts facts) {
        return facts instanceof ImageFacts image ? image.label() + " " + image.displayedWidth() + "×" + image.displayedHeight()
                : facts instanceof VideoFacts video ? video.container().label() + " " + video.videoCodec()
                        + (video.seconds() > 0 ? String.format(Locale.ROOT, ", %.1f s", video.seconds()) : "") : "unknown";
    }
}
