package io.feedgram.media;

import java.util.Properties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mp4parser.Box;
import org.mp4parser.IsoFile;
import org.mp4parser.PropertyBoxParserImpl;
import org.mp4parser.boxes.iso14496.part12.FileTypeBox;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleTableBox;
import org.mp4parser.boxes.iso14496.part12.TimeToSampleBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;

/**
 * Reads a video's {@link VideoFacts}: MP4 and MOV from their boxes (the media data is skipped,
 * never copied), WebM and Matroska only as far as naming the container and codec, since
 * Instagram takes neither whatever they hold.
 */
public final class VideoInspector {

    private static final String BOX_TABLE = "isoparser2-default.properties";

    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    /** QuickTime files from before ftyp existed open with one of these boxes. */
    private static final Set<String> QUICKTIME_FIRST_BOXES = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");
    /** ISO brands of still images (HEIF, AVIF): an ftyp, but not a video. */
    private static final Set<String> IMAGE_BRANDS = Set.of("heic", "heix", "mif1", "msf1", "avif");
    /** A WebM header names its tracks' codecs within its first kilobytes, before the first cluster. */
    private static final int EBML_HEAD = 64 * 1024;
    /** Matroska codec ids and the sample entry types MP4 would use for them. */
    private static final Map<String, String> MATROSKA_VIDEO = Map.of(
            "V_VP9", "vp09", "V_VP8", "vp08", "V_AV1", "av01", "V_MPEG4/ISO/AVC", "avc1", "V_MPEGH/ISO/HEVC", "hvc1");
    private static final Map<String, String> MATROSKA_AUDIO = Map.of(
            "A_OPUS", "opus", "A_VORBIS", "vorbis", "A_AAC", "mp4a");

    public VideoFacts inspect(Path video) throws IOException {
        long bytes = Files.size(video);
        byte[] head;
        try (InputStream in = Files.newInputStream(video)) {
            head = in.readNBytes(EBML_HEAD);
        }
        if (startsWith(head, EBML)) {
            String text = new String(head, StandardCharsets.ISO_8859_1);
            VideoContainer container = text.contains("webm") ? VideoContainer.WEBM : VideoContainer.MATROSKA;
            return new VideoFacts(container, codec(text, MATROSKA_VIDEO), codec(text, MATROSKA_AUDIO), 0, 0, 0, 0, bytes);
        }
        String firstBox = head.length >= 8 ? new String(head, 4, 4, StandardCharsets.ISO_8859_1) : "";
        if (!firstBox.equals("ftyp") && !QUICKTIME_FIRST_BOXES.contains(firstBox)) {
            return new VideoFacts(VideoContainer.UNKNOWN, null, null, 0, 0, 0, 0, bytes);
        }
        try (FileChannel channel = FileChannel.open(video);
             IsoFile iso = new IsoFile(channel, boxParser().skippingBoxes("mdat"))) {
            return facts(iso, bytes);
        }
    }

    /**
     * isoparser's default constructor reads its box table through the system class loader, which
     * inside Spring Boot's executable jar cannot see nested jars: the table is read here, from
     * isoparser's own jar, through our class loader.
     */
    private static PropertyBoxParserImpl boxParser() throws IOException {
        try (InputStream table = PropertyBoxParserImpl.class.getClassLoader().getResourceAsStream(BOX_TABLE)) {
            if (table == null) {
                throw new IOException(BOX_TABLE + " is missing from the classpath");
            }
            Properties boxes = new Properties();
            boxes.load(table);
            return new PropertyBoxParserImpl(boxes);
        }
    }

    private static VideoFacts facts(IsoFile iso, long bytes) {
        List<FileTypeBox> ftyp = iso.getBoxes(FileTypeBox.class);
        String brand = ftyp.isEmpty() ? "qt  " : ftyp.get(0).getMajorBrand();
        if (IMAGE_BRANDS.contains(brand)) {
            return new VideoFacts(VideoContainer.UNKNOWN, null, null, 0, 0, 0, 0, bytes);
        }
        VideoContainer container = brand.equals("qt  ") ? VideoContainer.MOV : VideoContainer.MP4;
        MovieBox movie = iso.getMovieBox();
        if (movie == null) {
            return new VideoFacts(container, null, null, 0, 0, 0, 0, bytes);
        }
        MovieHeaderBox header = movie.getMovieHeaderBox();
        double seconds = header == null || header.getTimescale() == 0
                ? 0 : (double) header.getDuration() / header.getTimescale();
        String videoCodec = null;
        String audioCodec = null;
        double fps = 0;
        int width = 0;
        int height = 0;
        for (TrackBox track : movie.getBoxes(TrackBox.class)) {
            String handler = track.getMediaBox().getHandlerBox().getHandlerType();
            SampleTableBox samples = track.getSampleTableBox();
            Box entry = samples.getSampleDescriptionBox().getBoxes().stream().findFirst().orElse(null);
            if (entry == null) {
                continue;
            }
            if (handler.equals("vide") && videoCodec == null) {
                videoCodec = entry.getType();
                fps = fps(track.getMediaBox().getMediaHeaderBox(), samples.getTimeToSampleBox());
                // The track header holds the displayed size; the sample entry's is the coded one.
                width = (int) Math.round(track.getTrackHeaderBox().getWidth());
                height = (int) Math.round(track.getTrackHeaderBox().getHeight());
                if ((width == 0 || height == 0) && entry instanceof VisualSampleEntry visual) {
                    width = visual.getWidth();
                    height = visual.getHeight();
                }
            } else if (handler.equals("soun") && audioCodec == null) {
                audioCodec = entry.getType();
            }
        }
        return new VideoFacts(container, videoCodec, audioCodec, seconds, fps, width, height, bytes);
    }

    /**
     * Frames per second: the samples the time-to-sample table counts over the time it gives them,
     * as players and ffprobe (and the sandbox) count them. The track's own duration (mdhd) may
     * differ from that time, e.g. when a muxer rounds each frame's duration to whole ticks.
     */
    private static double fps(MediaHeaderBox media, TimeToSampleBox times) {
        if (media == null || times == null || media.getTimescale() == 0) {
            return 0;
        }
        long frames = 0;
        long ticks = 0;
        for (TimeToSampleBox.Entry entry : times.getEntries()) {
            frames += entry.getCount();
            ticks += entry.getCount() * entry.getDelta();
        }
        return ticks == 0 ? 0 : frames / ((double) ticks / media.getTimescale());
    }

    private static String codec(String header, Map<String, String> ids) {
        return ids.entrySet().stream()
                .filter(id -> header.contains(id.getKey()))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
