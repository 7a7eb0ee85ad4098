package io.feedgram.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A small but well-formed MP4 (ftyp, moov with one video and optionally one audio track, mdat)
 * written box by box, with each property Instagram's video rules look at set by the test.
 *
 * @param brand     ftyp major brand (the only brand listed)
 * @param codec     the video sample entry, e.g. {@code avc1}
 * @param audio     the audio sample entry, e.g. {@code mp4a}, or null for no audio track
 * @param moovFirst false: the mdat comes before the moov (not faststart)
 */
public record TestVideo(String brand, String codec, String audio, int width, int height, int fps, int seconds, boolean moovFirst) {

    /** What Instagram recommends for a reel: 1080×1920 H.264 with AAC, 30 fps, 5 s. */
    public static final TestVideo COMPLIANT = new TestVideo("isom", "avc1", "mp4a", 1080, 1920, 30, 5, true);
    /** The media data: enough bytes that a size limit of 1000 bytes is passed. */
    private static final int MDAT_BYTES = 4096;

    /**
     * {@link #COMPLIANT} with the properties {@code set} names changed: brand, codec, audio (empty for none),
     * width, height, fps, seconds, moov-first.
     */
    static TestVideo of(Map<String, String> set) {
        TestVideo c = COMPLIANT;
        String audio = set.getOrDefault("audio", c.audio());
        return new TestVideo(set.getOrDefault("brand", c.brand()), set.getOrDefault("codec", c.codec()),
                audio.isEmpty() ? null : audio, number(set, "width", c.width()), number(set, "height", c.height()),
                number(set, "fps", c.fps()), number(set, "seconds", c.seconds()),
                Boolean.parseBoolean(set.getOrDefault("moov-first", "true")));
    }

    private static int number(Map<String, String> set, String name, int otherwise) {
        return set.containsKey(name) ? Integer.parseInt(set.get(name)) : otherwise;
    }

    public byte[] bytes() {
        byte[] ftyp = box("ftyp", ascii(brand), i32(0x200), ascii(brand));
        byte[] moov = box("moov", mvhd(), trak(1, "vide", visualEntry()), audio == null ? new byte[0] : trak(2, "soun", audioEntry()));
        byte[] mdat = box("mdat", new byte[MDAT_BYTES]);
        return moovFirst ? concat(ftyp, moov, mdat) : concat(ftyp, mdat, moov);
    }

    private byte[] mvhd() {
        return box("mvhd", i32(0), i32(0), i32(0), i32(1000), i32(seconds * 1000), i32(0x00010000), i16(0x0100),
                new byte[10], matrix(), new byte[24], i32(3));
    }

    private byte[] trak(int id, String handler, byte[] sampleEntry) {
        boolean video = handler.equals("vide");
        int timescale = video ? fps * 100 : 48000;
        int samples = video ? fps * seconds : 48000 * seconds / 1024;
        int delta = video ? 100 : 1024;
        byte[] tkhd = box("tkhd", i32(3), i32(0), i32(0), i32(id), i32(0), i32(seconds * 1000), new byte[8], i16(0), i16(0),
                i16(video ? 0 : 0x0100), i16(0), matrix(), i32(video ? width << 16 : 0), i32(video ? height << 16 : 0));
        byte[] mdhd = box("mdhd", i32(0), i32(0), i32(0), i32(timescale), i32(samples * delta), i16(0x55C4), i16(0));
        byte[] hdlr = box("hdlr", i32(0), i32(0), ascii(handler), new byte[12], new byte[1]);
        byte[] header = video ? box("vmhd", i32(1), new byte[8]) : box("smhd", i32(0), i32(0));
        byte[] dinf = box("dinf", box("dref", i32(0), i32(1), box("url ", i32(1))));
        byte[] stbl = box("stbl", box("stsd", i32(0), i32(1), sampleEntry),
                box("stts", i32(0), i32(1), i32(samples), i32(delta)),
                box("stsc", i32(0), i32(0)), box("stsz", i32(0), i32(0), i32(0)), box("stco", i32(0), i32(0)));
        return box("trak", tkhd, box("mdia", mdhd, hdlr, box("minf", header, dinf, stbl)));
    }

    private byte[] visualEntry() {
        return box(codec, new byte[6], i16(1), new byte[16], i16(width), i16(height), i32(0x00480000), i32(0x00480000),
                i32(0), i16(1), new byte[32], i16(0x18), i16(-1));
    }

    private byte[] audioEntry() {
        return box(audio, new byte[6], i16(1), new byte[8], i16(2), i16(16), i32(0), i32(48000 << 16));
    }

    private static byte[] matrix() {
        ByteBuffer matrix = ByteBuffer.allocate(36);
        matrix.putInt(0, 0x00010000).putInt(16, 0x00010000).putInt(32, 0x40000000);
        return matrix.array();
    }

    private static byte[] box(String type, byte[]... parts) {
        byte[] payload = concat(parts);
        return concat(i32(8 + payload.length), ascii(type), payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] i32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] i16(int value) {
        return ByteBuffer.allocate(2).putShort((short) value).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
