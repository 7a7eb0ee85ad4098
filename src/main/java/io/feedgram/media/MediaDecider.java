package io.feedgram.media;

import io.feedgram.post.InstagramLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Decides, from inspected facts alone, whether each media item passes, is normalised, or is refused. */
public final class MediaDecider {

    private static final String TRANSCODE_HINT = "turn on feedgram.media.transcode";
    /** Codec names as people know them; sample entry types are for machines. */
    private static final Map<String, String> CODEC_NAMES = Map.of(
            "avc1", "H.264", "avc3", "H.264", "hvc1", "HEVC", "hev1", "HEVC", "vp09", "VP9", "vp08", "VP8",
            "av01", "AV1", "mp4a", "AAC", "opus", "Opus", "vorbis", "Vorbis");
    /** A carousel takes 2 to 10 children (docs/instagram.md, "Carousel"). */
    private static final int MIN_CHILDREN = 2;

    private final MediaSettings settings;

    public MediaDecider(MediaSettings settings) {
        this.settings = settings;
    }

    public MediaDecision decide(InspectedMedia item, MediaTarget target) {
        MediaRules rules = MediaRules.of(target);
        if (rules.video()) {
            return item.facts() instanceof VideoFacts video
                    ? video(item.url(), video, target, rules)
                    : new MediaDecision.Refuse("the file is an image; " + target.noun() + " need an MP4 or MOV video");
        }
        if (!(item.facts() instanceof ImageFacts image)) {
            return new MediaDecision.Refuse("the file is a video; " + target.noun() + " need a JPEG image");
        }
        Ratio ratio = rules.canvas() != null
                ? Ratio.of(rules.canvas().width(), rules.canvas().height())
                : new Ratio(rules.ratio().clamp(image.ratio().value()));
        return image(item.url(), image, target, rules, ratio);
    }

    /**
     * Decides a carousel as a whole. Image children are all brought to the first image's ratio,
     * clamped into 4:5–1.91:1, because Instagram crops every child like the first
     * (docs/instagram.md, "Carousel"): padding them first keeps their edges.
     */
    public CarouselDecision decideCarousel(List<InspectedMedia> items) {
        String countProblem = items.size() < MIN_CHILDREN || items.size() > InstagramLimits.MAX_MEDIA
                ? "a carousel has " + items.size() + " items; it needs " + MIN_CHILDREN + " to "
                        + InstagramLimits.MAX_MEDIA
                : null;
        MediaRules rules = MediaRules.of(MediaTarget.CAROUSEL_CHILD);
        Ratio common = items.stream()
                .map(InspectedMedia::facts)
                .filter(ImageFacts.class::isInstance)
                .map(ImageFacts.class::cast)
                .filter(image -> image.format() != ImageFormat.UNKNOWN)
                .findFirst()
                .map(first -> new Ratio(rules.ratio().clamp(first.ratio().value())))
                .orElse(null);
        List<MediaDecision> children = new ArrayList<>();
        for (InspectedMedia item : items) {
            children.add(item.facts() instanceof ImageFacts image && common != null
                    ? image(item.url(), image, MediaTarget.CAROUSEL_CHILD, rules, common)
                    : decide(item, item.facts() instanceof VideoFacts
                            ? MediaTarget.CAROUSEL_VIDEO : MediaTarget.CAROUSEL_CHILD));
        }
        return new CarouselDecision(children, common, countProblem);
    }

    private MediaDecision image(String url, ImageFacts image, MediaTarget target, MediaRules rules, Ratio ratio) {
        if (image.format() == ImageFormat.UNKNOWN) {
            return new MediaDecision.Refuse("the file is not an image Feedgram can read (JPEG, PNG, WebP, GIF or BMP)");
        }
        List<NormaliseStep> steps = new ArrayList<>();
        if (!rules.imageFormats().contains(image.format())) {
            steps.add(NormaliseStep.CONVERT_TO_JPEG);
        }
        if (image.frames() > 1) {
            steps.add(NormaliseStep.FIRST_FRAME);
        }
        // Gray and RGB JPEGs pass: Instagram converts non-sRGB itself; CMYK and YCCK it refuses (36001).
        if (image.colourSpace() != ColourSpace.RGB && image.colourSpace() != ColourSpace.GRAY) {
            steps.add(NormaliseStep.CONVERT_TO_SRGB);
        }
        if (image.alpha()) {
            steps.add(NormaliseStep.FLATTEN_ALPHA);
        }
        // Whether Instagram honours the EXIF tag is not documented; turned pixels leave no doubt.
        if (image.orientation() != 1) {
            steps.add(NormaliseStep.APPLY_ORIENTATION);
        }
        if (!rules.ratio().contains(image.ratio().value()) || !image.ratio().sameAs(ratio)) {
            steps.add(NormaliseStep.FIT_RATIO);
        }
        if (image.bytes() > rules.maxBytes()) {
            steps.add(NormaliseStep.RECOMPRESS);
        }
        return steps.isEmpty()
                ? new MediaDecision.PassThrough(url)
                : new MediaDecision.Normalise(url, target, List.copyOf(steps), ratio);
    }

    private MediaDecision video(String url, VideoFacts video, MediaTarget target, MediaRules rules) {
        String noun = target.noun();
        if (video.container() == VideoContainer.UNKNOWN) {
            return new MediaDecision.Refuse("the file is not an MP4, MOV or WebM video; " + noun + " need MP4 or MOV");
        }
        boolean isoFile = rules.containers().contains(video.container());
        if (isoFile && video.videoCodec() == null) {
            return new MediaDecision.Refuse("the file holds no video track; " + noun + " need H.264 or HEVC video");
        }
        Bounds seconds = rules.seconds();
        if (video.seconds() > 0 && video.seconds() < seconds.min()) {
            return new MediaDecision.Refuse(String.format(Locale.ROOT, "video is %.1f s long; %s need at least %s",
                    video.seconds(), noun, duration(seconds.min())));
        }
        if (video.seconds() > seconds.max()) {
            return new MediaDecision.Refuse(String.format(Locale.ROOT, "video is %.1f s long; %s allow at most %s",
                    video.seconds(), noun, duration(seconds.max())));
        }
        List<String> problems = new ArrayList<>();
        if (!isoFile) {
            String codec = video.videoCodec() == null ? "" : " (" + name(video.videoCodec()) + ")";
            problems.add(video.container().label() + codec + " video cannot be published without transcoding");
        } else {
            if (!rules.videoCodecs().contains(video.videoCodec())) {
                problems.add(name(video.videoCodec()) + " video cannot be published without transcoding; "
                        + noun + " need H.264 or HEVC");
            }
            if (video.audioCodec() != null && !rules.audioCodecs().contains(video.audioCodec())) {
                problems.add(name(video.audioCodec()) + " audio cannot be published without transcoding; "
                        + noun + " need AAC");
            }
            if (video.fps() > 0 && !rules.fps().contains(video.fps())) {
                problems.add(String.format(Locale.ROOT, "video runs at %s fps; %s need %.0f–%.0f fps",
                        video.fps() == Math.rint(video.fps()) ? String.format(Locale.ROOT, "%.0f", video.fps())
                                : String.format(Locale.ROOT, "%.1f", video.fps()), noun, rules.fps().min(), rules.fps().max()));
            }
            if (video.width() > rules.width().max()) {
                problems.add(String.format(Locale.ROOT, "video is %d px wide; %s allow at most %.0f px",
                        video.width(), noun, rules.width().max()));
            }
        }
        // The transcoder keeps the picture whole and does not aim at a size: these stay refused with it on.
        List<String> untranscodable = new ArrayList<>();
        if (isoFile && video.width() > 0 && video.height() > 0 && !rules.ratio().contains(video.ratio().value())) {
            untranscodable.add("video is " + video.ratio().words() + "; " + noun + " need between "
                    + new Ratio(rules.ratio().min()).words() + " and " + new Ratio(rules.ratio().max()).words());
        }
        if (video.bytes() > rules.maxBytes()) {
            untranscodable.add(String.format(Locale.ROOT, "video is %d MB; %s allow at most %d MB",
                    video.bytes() / 1_000_000, noun, rules.maxBytes() / 1_000_000));
        }
        if (!untranscodable.isEmpty()) {
            problems.addAll(untranscodable);
            return new MediaDecision.Refuse(String.join("; ", problems));
        }
        if (problems.isEmpty()) {
            return new MediaDecision.PassThrough(url);
        }
        return settings.transcode()
                ? new MediaDecision.Normalise(url, target, List.of(NormaliseStep.TRANSCODE), null)
                : new MediaDecision.Refuse(String.join("; ", problems) + "; " + TRANSCODE_HINT);
    }

    private static String name(String codec) {
        return CODEC_NAMES.getOrDefault(codec, codec);
    }

    private static String duration(double seconds) {
        return seconds > 60 && seconds % 60 == 0
                ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.0f s", seconds);
    }
}
