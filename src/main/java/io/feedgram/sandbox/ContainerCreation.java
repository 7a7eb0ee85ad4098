package io.feedgram.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;

/**
 * {@code POST /{ig-user-id}/media}: validates like Instagram (docs/instagram.md#containers), fetches images
 * while answering and videos in the background (docs/instagram.md#media), and stores the container.
 */
@SandboxBean
final class ContainerCreation {

    private static final int MAX_CAPTION_LENGTH = 2200;
    private static final int MAX_TAGS = 20;
    private static final int MAX_ALT_TEXT_LENGTH = 1000;
    private static final int MIN_CAROUSEL_CHILDREN = 2;
    private static final int MAX_CAROUSEL_CHILDREN = 10;
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w&])#\\w+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@[\\w.]+");

    private final SandboxContainers containers;
    private final MediaChecks mediaChecks;
    private final SandboxFaults faults;
    private final SandboxSettings settings;
    private final SandboxClock clock;
    private final GraphIds ids;
    /** Video checks run here so the create call answers before the video is fetched, as Instagram's does. */
    private final ExecutorService videoChecks = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "sandbox-video-check");
        thread.setDaemon(true);
        return thread;
    });

    ContainerCreation(SandboxContainers containers, MediaChecks mediaChecks, SandboxFaults faults,
            SandboxSettings settings, SandboxClock clock, GraphIds ids) {
        this.containers = containers;
        this.mediaChecks = mediaChecks;
        this.faults = faults;
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
    }

    @PreDestroy
    void stop() {
        videoChecks.shutdownNow();
    }

    /** Creates the container and answers its id, or throws the Graph error Instagram would answer. */
    String create(String owner, GraphParameters params) {
        if (faults.fires(Fault.CREATE_SERVER_ERROR, owner)) {
            throw GraphError.unexpectedServerError().toException();
        }
        boolean carouselItem = params.flag("is_carousel_item");
        String mediaType = params.text("media_type").map(t -> t.toUpperCase(Locale.ROOT)).orElse("IMAGE");
        ContainerKind kind = kindOf(mediaType, carouselItem);
        boolean video = requireMedia(kind, params);
        checkCaptionAndTags(kind, carouselItem, params);
        List<String> children = kind == ContainerKind.CAROUSEL ? checkedChildren(owner, params) : List.of();
        String mediaUrl = params.text(video ? "video_url" : "image_url").orElse(null);
        if (mediaUrl != null && faults.fires(Fault.MEDIA_FETCH_FAILURE, owner)) {
            throw GraphError.mediaFetchFailed(mediaUrl).toException();
        }
        MediaCheck check = initialCheck(owner, kind, video, mediaUrl);
        Container container = new Container(ids.nextContainerId(), owner, kind, video, carouselItem,
                params.withoutToken(), children, clock.now(), check, null);
        containers.add(container);
        if (!check.done()) {
            videoChecks.submit(() -> {
                OptionalInt failure = mediaChecks.checkVideo(mediaUrl, kind);
                MediaCheck done = failure.isPresent()
                        ? MediaCheck.failed(failure.getAsInt(), clock.now())
                        : MediaCheck.passed(clock.now());
                containers.update(container.id(), c -> c.withMediaCheck(done));
            });
        }
        return container.id();
    }

    private static ContainerKind kindOf(String mediaType, boolean carouselItem) {
        return switch (mediaType) {
            case "IMAGE" -> ContainerKind.IMAGE;
            case "VIDEO" -> {
                if (!carouselItem) {
                    throw GraphError.singleVideoRetired().toException();
                }
                yield ContainerKind.CAROUSEL_VIDEO;
            }
            case "REELS" -> {
                if (carouselItem) {
                    throw GraphError.invalidParameter("Reels cannot be carousel items").toException();
                }
                yield ContainerKind.REELS;
            }
            case "STORIES" -> ContainerKind.STORIES;
            case "CAROUSEL" -> ContainerKind.CAROUSEL;
            default -> throw GraphError.unknownMediaType(mediaType).toException();
        };
    }

    /** Checks the media URL the kind needs; answers whether the container carries a video. */
    private static boolean requireMedia(ContainerKind kind, GraphParameters params) {
        return switch (kind) {
            // A video child without media_type=VIDEO is taken for an image (docs/instagram.md#containers).
            case IMAGE -> required(params, "image_url", false);
            case CAROUSEL_VIDEO, REELS -> required(params, "video_url", true);
            case STORIES -> params.text("image_url").isPresent() ? false : required(params, "video_url", true);
            case CAROUSEL -> false;
        };
    }

    private static boolean required(GraphParameters params, String name, boolean video) {
        if (params.text(name).isEmpty()) {
            throw GraphError.parameterRequired(name).toException();
        }
        return video;
    }

    private void checkCaptionAndTags(ContainerKind kind, boolean carouselItem, GraphParameters params) {
        String caption = params.text("caption").orElse("");
        if (caption.length() > MAX_CAPTION_LENGTH) {
            throw GraphError.captionTooLong(caption.length()).toException();
        }
        int hashtags = count(HASHTAG, caption);
        if (hashtags > settings.current().maxHashtags()) {
            throw GraphError.tooManyHashtags(hashtags, settings.current().maxHashtags()).toException();
        }
        if (count(MENTION, caption) > MAX_TAGS || params.list("user_tags").size() > MAX_TAGS) {
            throw GraphError.tooManyTags().toException();
        }
        if (params.text("alt_text").map(String::length).orElse(0) > MAX_ALT_TEXT_LENGTH) {
            throw GraphError.invalidParameter("The parameter alt_text must be at most 1000 characters").toException();
        }
        if (params.has("collaborators")) {
            if (carouselItem) {
                throw GraphError.collaboratorsOnCarouselChild().toException();
            }
            if (kind == ContainerKind.STORIES) {
                throw GraphError.invalidParameter("The param collaborators is not allowed for stories").toException();
            }
            params.list("collaborators").stream().filter(name -> name.startsWith("@")).findFirst().ifPresent(name -> {
                throw GraphError.collaboratorNotTaggable(name).toException();
            });
        }
    }

    /** 2..10 children, each one of the owner's carousel-item containers (docs/instagram.md#carousel). */
    private List<String> checkedChildren(String owner, GraphParameters params) {
        List<String> children = params.list("children");
        if (!params.has("children")) {
            throw GraphError.parameterRequired("children").toException();
        }
        if (children.size() < MIN_CAROUSEL_CHILDREN || children.size() > MAX_CAROUSEL_CHILDREN) {
            throw GraphError.carouselSize().toException();
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            String childId = children.get(i);
            boolean usable = containers.findOwned(childId, owner)
                    .filter(Container::carouselItem)
                    .filter(child -> !child.published())
                    .isPresent();
            if (!usable) {
                throw GraphError.invalidParameter("Param children[" + i + "] (" + childId
                        + ") is not a carousel item container of this account").toException();
            }
            checked.add(childId);
        }
        boolean unfinished = checked.stream().map(id -> containers.findOwned(id, owner).orElseThrow())
                .anyMatch(child -> containers.statusOf(child, clock.now()).code() != ContainerStatus.Code.FINISHED);
        if (unfinished && faults.fires(Fault.UNFINISHED_CHILDREN_REFUSED, owner)) {
            throw GraphError.mediaNotReady().toException();
        }
        return checked;
    }

    private MediaCheck initialCheck(String owner, ContainerKind kind, boolean video, String mediaUrl) {
        if (mediaUrl == null) {
            return MediaCheck.passed(clock.now());
        }
        if (video && faults.fires(Fault.VIDEO_PROCESSING_ERROR, owner)) {
            return MediaCheck.failed(MediaChecks.VideoFailure.UNSUPPORTED_FORMAT, clock.now());
        }
        if (!settings.current().fetchMedia()) {
            return MediaCheck.passed(clock.now());
        }
        if (video) {
            return MediaCheck.pending();
        }
        // Stories are 9:16 by design: only feed images (single or carousel) must be 4:5 to 1.91:1.
        mediaChecks.checkImage(mediaUrl, kind != ContainerKind.STORIES);
        return MediaCheck.passed(clock.now());
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
