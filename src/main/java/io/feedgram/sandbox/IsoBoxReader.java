package io.feedgram.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's own minimal ISO-BMFF reader (ISO/IEC 14496-12): walks the boxes of a video's head
 * and reads what Instagram's video rules need into a {@link VideoFile}. No media library, so the
 * oracle shares nothing with the client. Only a faststart file can be read: Instagram wants the
 * moov box at the front (docs/instagram.md#media), so a head without one is not a usable video.
 */
final class IsoBoxReader {

    private IsoBoxReader() {
    }

    /** The video's facts, or empty when the head is not an ISO-BMFF file with ftyp and then moov before any mdat. */
    static Optional<VideoFile> read(byte[] head) {
        try {
            ByteBuffer file = ByteBuffer.wrap(head);
            List<String> brands = null;
            while (file.remaining() >= 8) {
                Box box = Box.next(file);
                switch (box.type()) {
                    case "ftyp" -> brands = brands(box.payload());
                    case "moov" -> {
                        return brands == null ? Optional.empty() : Optional.of(movie(brands, box.payload()));
                    }
                    case "mdat" -> {
                        return Optional.empty();   // media data before the movie box: not faststart
                    }
                    default -> {
                        if (brands == null) {
                            return Optional.empty();   // ftyp must come first
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {   // a truncated or corrupt box
            return Optional.empty();
        }
    }

    private static List<String> brands(ByteBuffer ftyp) {
        List<String> brands = new ArrayList<>();
        brands.add(fourcc(ftyp));
        ftyp.getInt();                       // minor version
        while (ftyp.remaining() >= 4) {
            brands.add(fourcc(ftyp));
        }
        return brands;
    }

    private static VideoFile movie(List<String> brands, ByteBuffer moov) {
        double duration = 0;
        List<VideoFile.Track> tracks = new ArrayList<>();
        while (moov.remaining() >= 8) {
            Box box = Box.next(moov);
            if (box.type().equals("mvhd")) {
                duration = mvhdDuration(box.payload());
            } else if (box.type().equals("trak")) {
                tracks.add(track(box.payload()));
            }
        }
        return new VideoFile(List.copyOf(brands), duration, List.copyOf(tracks));
    }

    private static double mvhdDuration(ByteBuffer mvhd) {
        int version = mvhd.get();
        skip(mvhd, 3 + (version == 1 ? 16 : 8));                // flags, creation and modification times
        long timescale = Integer.toUnsignedLong(mvhd.getInt());
        long duration = version == 1 ? mvhd.getLong() : Integer.toUnsignedLong(mvhd.getInt());
        return timescale == 0 ? 0 : (double) duration / timescale;
    }

    /** One trak: tkhd for the frame size, then mdia (mdhd, hdlr, minf/stbl with stsd and stts). */
    private static VideoFile.Track track(ByteBuffer trak) {
        Track track = new Track();
        walk(trak, track);
        double seconds = track.timescale == 0 ? 0 : (double) track.sampleTicks / track.timescale;
        double fps = seconds == 0 ? 0 : track.samples / seconds;
        return new VideoFile.Track(track.handler, track.codec, track.width, track.height, fps);
    }

    /** What one trak's boxes said so far. */
    private static final class Track {
        String handler = "";
        String codec = "";
        int width;
        int height;
        long timescale;
        long samples;
        long sampleTicks;
    }

    private static void walk(ByteBuffer parent, Track track) {
        while (parent.remaining() >= 8) {
            Box box = Box.next(parent);
            ByteBuffer in = box.payload();
            switch (box.type()) {
                case "mdia", "minf", "stbl" -> walk(in, track);
                case "tkhd" -> {
                    int version = in.get();
                    // flags, times, track id, reserved, duration; reserved, layer, group, volume, reserved, matrix
                    skip(in, 3 + (version == 1 ? 32 : 20) + 52);
                    track.width = in.getInt() >>> 16;     // 16.16 fixed point
                    track.height = in.getInt() >>> 16;
                }
                case "mdhd" -> {
                    int version = in.get();
                    skip(in, 3 + (version == 1 ? 16 : 8));
                    track.timescale = Integer.toUnsignedLong(in.getInt());
                }
                case "hdlr" -> {
                    skip(in, 8);                          // version, flags, pre_defined
                    track.handler = fourcc(in);
                }
                case "stsd" -> {
                    skip(in, 8);                          // version, flags, entry count
                    if (in.remaining() >= 8) {
                        track.codec = Box.next(in).type();
                    }
                }
                case "stts" -> {
                    skip(in, 4);
                    long entries = Integer.toUnsignedLong(in.getInt());
                    for (long i = 0; i < entries; i++) {
                        long count = Integer.toUnsignedLong(in.getInt());
                        track.samples += count;
                        track.sampleTicks += count * Integer.toUnsignedLong(in.getInt());
                    }
                }
                default -> {
                    // other boxes (edts, dinf, stsz, stco...) say nothing the rules need
                }
            }
        }
    }

    private static void skip(ByteBuffer buffer, int bytes) {
        buffer.position(buffer.position() + bytes);
    }

    private static String fourcc(ByteBuffer buffer) {
        byte[] type = new byte[4];
        buffer.get(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    /** A box's type and its payload, a view the caller reads; the parent is moved past the box. */
    private record Box(String type, ByteBuffer payload) {

        static Box next(ByteBuffer parent) {
            int start = parent.position();
            long size = Integer.toUnsignedLong(parent.getInt());
            String type = fourcc(parent);
            if (size == 1) {
                size = parent.getLong();                  // 64-bit largesize
            } else if (size == 0) {
                size = parent.limit() - start;            // to the end of the enclosing box
            }
            int header = parent.position() - start;
            if (size < header || size > parent.limit() - start) {
                throw new IllegalArgumentException("box " + type + " overruns its parent");
            }
            ByteBuffer payload = parent.slice(parent.position(), (int) size - header);
            parent.position(start + (int) size);
            return new Box(type, payload);
        }
    }
}
