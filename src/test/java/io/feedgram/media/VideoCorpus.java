package io.feedgram.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Date;
import java.util.List;
import org.mp4parser.Box;
import org.mp4parser.boxes.iso14496.part12.FileTypeBox;
import org.mp4parser.boxes.iso14496.part12.HandlerBox;
import org.mp4parser.boxes.iso14496.part12.MediaBox;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MediaInformationBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleDescriptionBox;
import org.mp4parser.boxes.iso14496.part12.SampleTableBox;
import org.mp4parser.boxes.iso14496.part12.TimeToSampleBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.boxes.sampleentry.AudioSampleEntry;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;

/**
 * Video files reduced to what inspection reads: an MP4 or MOV header (ftyp and moov, written with
 * isoparser) followed by a small mdat of filler, or the opening of a WebM file.
 */
final class VideoCorpus {

    /**
     * Ticks a second unless a caller chooses: 60000 gives every common frame rate (24, 25, 30, 60,
     * 120 fps) whole-tick frames, so the sample table adds up to the track's duration, as a muxer's does.
     */
    private static final int TIMESCALE = 60_000;
    /** isoparser writes no header without its creation and modification times. */
    private static final Date CREATED = new Date(0);

    private VideoCorpus() {
    }

    /**
     * @param brand      ftyp major brand: "isom" for MP4, "qt  " for MOV
     * @param videoCodec sample entry of the video track
     * @param audioCodec sample entry of the audio track, or null for a silent video
     */
    static Path isoFile(Path dir, String brand, String videoCodec, String audioCodec, double seconds, int fps,
                        int width, int height) throws IOException {
        return isoFile(dir, brand, videoCodec, audioCodec, seconds, fps, width, height, TIMESCALE);
    }

    /**
     * As above, at {@code timescale} ticks a second. Every frame lasts {@code duration / frames} whole
     * ticks, so a frame rate that does not divide the timescale (60 fps at 1000) leaves the sample table
     * shorter than the track's duration: its frames run faster than the duration says.
     */
    static Path isoFile(Path dir, String brand, String videoCodec, String audioCodec, double seconds, int fps,
                        int width, int height, int timescale) throws IOException {
        long duration = Math.round(seconds * timescale);
        MovieBox movie = new MovieBox();
        MovieHeaderBox header = new MovieHeaderBox();
        header.setCreationTime(CREATED);
        header.setModificationTime(CREATED);
        header.setTimescale(timescale);
        header.setDuration(duration);
        movie.addBox(header);

        VisualSampleEntry visual = new VisualSampleEntry(videoCodec);
        visual.setWidth(width);
        visual.setHeight(height);
        long frames = Math.round(seconds * fps);
        movie.addBox(track(1, "vide", visual, timescale, duration, frames, width, height));
        if (audioCodec != null) {
            movie.addBox(track(2, "soun", new AudioSampleEntry(audioCodec), timescale, duration, frames, 0, 0));
        }

        Path file = dir.resolve(brand.equals("qt  ") ? "clip.mov" : "clip.mp4");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            new FileTypeBox(brand, 0, List.of(brand, "mp41")).getBox(out);
            movie.getBox(out);
            ByteBuffer mdat = ByteBuffer.allocate(8 + 4096);
            mdat.putInt(mdat.capacity()).put("mdat".getBytes(StandardCharsets.ISO_8859_1)).rewind();
            out.write(mdat);
        }
        return file;
    }

    /** The opening of a WebM file: the EBML magic, its "webm" doc type, and a VP9 and an Opus track's codec ids. */
    static Path webm(Path dir) throws IOException {
        byte[] magic = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x82, (byte) 0x84};
        byte[] rest = "webm\u0000\u0000\u0086\u0085V_VP9\u0000\u0086\u0086A_OPUS".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer file = ByteBuffer.allocate(magic.length + rest.length).put(magic).put(rest);
        return Files.write(dir.resolve("clip.webm"), file.array());
    }

    private static TrackBox track(long id, String handlerType, Box sampleEntry, int timescale, long duration, long frames,
                                  int width, int height) {
        TrackHeaderBox trackHeader = new TrackHeaderBox();
        trackHeader.setCreationTime(CREATED);
        trackHeader.setModificationTime(CREATED);
        trackHeader.setTrackId(id);
        trackHeader.setWidth(width);
        trackHeader.setHeight(height);
        MediaHeaderBox mediaHeader = new MediaHeaderBox();
        mediaHeader.setCreationTime(CREATED);
        mediaHeader.setModificationTime(CREATED);
        mediaHeader.setTimescale(timescale);
        mediaHeader.setDuration(duration);
        HandlerBox handler = new HandlerBox();
        handler.setHandlerType(handlerType);
        SampleDescriptionBox descriptions = new SampleDescriptionBox();
        descriptions.addBox(sampleEntry);
        TimeToSampleBox times = new TimeToSampleBox();
        times.setEntries(List.of(new TimeToSampleBox.Entry(frames, duration / Math.max(1, frames))));
        SampleTableBox samples = new SampleTableBox();
        samples.addBox(descriptions);
        samples.addBox(times);
        MediaInformationBox information = new MediaInformationBox();
        information.addBox(samples);
        MediaBox media = new MediaBox();
        media.addBox(mediaHeader);
        media.addBox(handler);
        media.addBox(information);
        TrackBox track = new TrackBox();
        track.addBox(trackHeader);
        track.addBox(media);
        return track;
    }
}
