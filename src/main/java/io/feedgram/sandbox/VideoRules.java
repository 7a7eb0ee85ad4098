package io.feedgram.sandbox;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Instagram's video specifications (docs/instagram.md#media, from Meta's IG User Media reference):
 * MOV or MP4 with the moov box at the front; H.264 or HEVC video; AAC audio if any; 23 to 60 fps;
 * at most 1920 px wide; a duration per kind. Which subcode each broken rule gets is not
 * documented: every one ends the container in ERROR with 2207026, the documented "video format
 * not supported" (docs/instagram.md#error-codes), which is also what a WebM upload is seen to get.
 */
final class VideoRules {

    /** ISO-BMFF brands of MP4 and QuickTime files; a WebM or Matroska file has no ftyp at all. */
    private static final Set<String> MP4_OR_MOV = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "M4V ", "qt  ");
    /** H.264 and HEVC sample entries. */
    private static final Set<String> VIDEO_CODECS = Set.of("avc1", "avc3", "hvc1", "hev1");
    /** AAC in MP4 and MOV. */
    private static final Set<String> AUDIO_CODECS = Set.of("mp4a");
    private static final double MIN_FPS = 23;
    private static final double MAX_FPS = 60;
    private static final int MAX_WIDTH = 1920;
    private static final Duration MIN_DURATION = Duration.ofSeconds(3);
    /** Reels: 3 s to 15 min (docs/instagram.md#media, "Reel"). */
    private static final Duration MAX_REEL = Duration.ofMinutes(15);
    /** Stories: 3 to 60 s (docs/instagram.md#media, "Story video"). */
    private static final Duration MAX_STORY = Duration.ofSeconds(60);

    private VideoRules() {
    }

    /**
     * The broken rule, if any, for a video of {@code kind}. Carousel videos have no spec of their own
     * (docs/instagram.md#media, "Carousel video": assume the reel rules, unverified), so their longest
     * duration is the {@code carouselVideoMaxDuration} setting, 15 min by default.
     */
    static Optional<String> broken(Optional<VideoFile> read, ContainerKind kind, Duration carouselVideoMaxDuration) {
        if (read.isEmpty()) {
            return Optional.of("not an MP4 or MOV file with its moov box before the media data");
        }
        VideoFile file = read.get();
        if (file.brands().stream().noneMatch(MP4_OR_MOV::contains)) {
            return Optional.of("brands " + file.brands() + " are neither MP4 nor MOV");
        }
        Optional<VideoFile.Track> video = file.video();
        if (video.isEmpty() || !VIDEO_CODECS.contains(video.get().codec())) {
            return Optional.of("video codec " + video.map(VideoFile.Track::codec).orElse("none") + " is neither H.264 nor HEVC");
        }
        if (file.audio().isPresent() && !AUDIO_CODECS.contains(file.audio().get().codec())) {
            return Optional.of("audio codec " + file.audio().get().codec() + " is not AAC");
        }
        double fps = video.get().fps();
        if (fps < MIN_FPS || fps > MAX_FPS) {
            return Optional.of("frame rate " + fps + " is outside 23-60 fps");
        }
        if (video.get().width() > MAX_WIDTH) {
            return Optional.of("width " + video.get().width() + " px is over 1920 px");
        }
        Duration max = switch (kind) {
            case STORIES -> MAX_STORY;
            case CAROUSEL_VIDEO -> carouselVideoMaxDuration;
            default -> MAX_REEL;
        };
        double seconds = file.duration();
        if (seconds < MIN_DURATION.toSeconds() || seconds > max.toSeconds()) {
            return Optional.of("duration " + seconds + " s is outside " + MIN_DURATION.toSeconds() + "-" + max.toSeconds() + " s");
        }
        return Optional.empty();
    }
}
