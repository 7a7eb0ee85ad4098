package io.feedgram.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * What the sandbox reads from a video's ISO-BMFF boxes (MP4, MOV): the ftyp brands, the movie's
 * duration, and per track its handler, codec, frame size and frame rate.
 *
 * @param brands   the major brand, then the compatible ones
 * @param duration the movie's duration in seconds (mvhd)
 */
record VideoFile(List<String> brands, double duration, List<Track> tracks) {

    /**
     * @param handler {@code vide}, {@code soun} or another hdlr type
     * @param codec   the first sample entry's fourcc (stsd), e.g. {@code avc1}, {@code hvc1}, {@code mp4a}
     * @param width   tkhd width in pixels
     * @param height  tkhd height in pixels
     * @param fps     samples per second of media time (stts), 0 when the track has none
     */
    record Track(String handler, String codec, int width, int height, double fps) {
    }

    Optional<Track> video() {
        return tracks.stream().filter(t -> t.handler().equals("vide")).findFirst();
    }

    Optional<Track> audio() {
        return tracks.stream().filter(t -> t.handler().equals("soun")).findFirst();
    }
}
