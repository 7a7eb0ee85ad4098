package io.feedgram.media;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What Instagram accepts for one {@link MediaTarget}. Every number comes from docs/instagram.md,
 * section "Media", which quotes Meta's IG User Media reference
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media);
 * where a bound is Feedgram's own, its comment says so.
 *
 * @param imageFormats formats accepted as they are (empty for video targets)
 * @param containers   containers accepted as they are (empty for image targets)
 * @param videoCodecs  sample entry types of the video track
 * @param audioCodecs  sample entry types of the audio track (a silent video has none and passes)
 * @param ratio        width / height, as displayed
 * @param maxBytes     file size
 * @param width        displayed width in pixels; Instagram scales feed images outside it rather than
 *                     refusing them, so for images it only shapes normalised output
 * @param seconds      duration
 * @param fps          frame rate
 * @param canvas       the fixed frame normalised images are placed on, or null for none
 */
public record MediaRules(Set<ImageFormat> imageFormats, Set<VideoContainer> containers,
                         Set<String> videoCodecs, Set<String> audioCodecs, Bounds ratio, long maxBytes,
                         Bounds width, Bounds seconds, Bounds fps, Size canvas) {

    private static final long MIB = 1024 * 1024;
    private static final long MB = 1000 * 1000;

    /** "Feed and carousel image": 4:5 to 1.91:1. */
    private static final Bounds FEED_RATIO = new Bounds(0.8, 1.91);
    /** "Feed and carousel image": width 320–1440 px. */
    private static final Bounds FEED_WIDTH = new Bounds(320, 1440);
    /** "Story image": 9:16 recommended; the app crops other shapes to fill the screen, so Feedgram pads them (1% for rounding). */
    private static final Bounds STORY_RATIO = new Bounds(9.0 / 16 * 0.99, 9.0 / 16 * 1.01);
    /** The 9:16 frame of a story, at the 1080 px Instagram displays (Meta's story guidance; Feedgram's choice of size). */
    private static final Size STORY_CANVAS = new Size(1080, 1920);
    /** Feedgram's own bound for covers: reels are at most 1920 px wide, a larger cover only costs bytes. */
    private static final Bounds COVER_WIDTH = new Bounds(1, 1920);
    /** "Reel": H.264 (avc1/avc3) or HEVC (hvc1/hev1). */
    private static final Set<String> VIDEO_CODECS = Set.of("avc1", "avc3", "hvc1", "hev1");
    /** "Reel": AAC audio, which MP4 and MOV label mp4a. */
    private static final Set<String> AUDIO_CODECS = Set.of("mp4a");
    /** "Reel": 23–60 fps. */
    private static final Bounds VIDEO_FPS = new Bounds(23, 60);
    /** "Reel": at most 1920 px wide. */
    private static final Bounds VIDEO_WIDTH = new Bounds(1, 1920);

    private static final Map<MediaTarget, MediaRules> TABLE = new EnumMap<>(MediaTarget.class);

    static {
        // "Feed and carousel image": JPEG only, at most 8 MiB.
        MediaRules feed = image(FEED_RATIO, 8 * MIB, FEED_WIDTH, null);
        TABLE.put(MediaTarget.FEED_IMAGE, feed);
        TABLE.put(MediaTarget.CAROUSEL_CHILD, feed);
        // "Story image": JPEG, at most 8 MB.
        TABLE.put(MediaTarget.STORY_IMAGE, image(STORY_RATIO, 8 * MB, FEED_WIDTH, STORY_CANVAS));
        // "Reel cover": JPEG, at most 8 MB, sRGB; no shape is documented.
        TABLE.put(MediaTarget.REEL_COVER, image(Bounds.ANY, 8 * MB, COVER_WIDTH, null));
        // "Reel": 0.01:1 to 10:1, 3 s to 15 min, 300 MB (1 GB elsewhere: conflicting, so the lower).
        MediaRules reel = video(new Bounds(0.01, 10), 300 * MB, new Bounds(3, 15 * 60));
        TABLE.put(MediaTarget.REEL_VIDEO, reel);
        // "Carousel video": no separate spec; the reel rules are assumed (unverified).
        TABLE.put(MediaTarget.CAROUSEL_VIDEO, reel);
        // "Story video": as reels, but 0.1:1 to 10:1, 3–60 s, at most 100 MB.
        TABLE.put(MediaTarget.STORY_VIDEO, video(new Bounds(0.1, 10), 100 * MB, new Bounds(3, 60)));
    }

    public static MediaRules of(MediaTarget target) {
        return TABLE.get(target);
    }

    public boolean video() {
        return !containers.isEmpty();
    }

    private static MediaRules image(Bounds ratio, long maxBytes, Bounds width, Size canvas) {
        return new MediaRules(Set.of(ImageFormat.JPEG), Set.of(), Set.of(), Set.of(), ratio, maxBytes, width,
                Bounds.ANY, Bounds.ANY, canvas);
    }

    private static MediaRules video(Bounds ratio, long maxBytes, Bounds seconds) {
        // "Reel": MOV or MP4.
        return new MediaRules(Set.of(), Set.of(VideoContainer.MP4, VideoContainer.MOV), VIDEO_CODECS, AUDIO_CODECS,
                ratio, maxBytes, VIDEO_WIDTH, seconds, VIDEO_FPS, null);
    }
}
