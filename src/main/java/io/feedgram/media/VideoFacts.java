package io.feedgram.media;

/**
 * A video as its container describes it. Codecs are sample entry types ("avc1", "hvc1", "vp09",
 * "mp4a"), null when the container has no such track or could not be read; numbers are 0 when
 * unknown (outside MP4 and MOV only the container and, for WebM, the codec are looked at).
 */
public record VideoFacts(VideoContainer container, String videoCodec, String audioCodec, double seconds, double fps,
                         int width, int height, long bytes) implements MediaFacts {

    public Ratio ratio() {
        return Ratio.of(width, height);
    }
}
