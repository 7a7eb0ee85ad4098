package io.feedgram.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves the demo's feed and media, so that the demo needs no network: a blog feed whose
 * URLs point back here, JPEG pictures drawn on the fly, and a frameless MP4 whose boxes meet
 * Instagram's video rules, which is all the sandbox reads.
 */
@RestController
@ConditionalOnProperty(name = "feedgram.demo.enabled", havingValue = "true")
public class DemoMediaController {

    private static final Map<String, int[]> PICTURES = Map.of(
            "sunrise.jpg", new int[] {1080, 1080, 0xF6A04D, 0x6B2D5C},
            "harbour.jpg", new int[] {1080, 1350, 0x2E86AB, 0x0B3954},
            "forest.jpg", new int[] {1080, 1080, 0x3A7D44, 0x0F2A1D},
            "story.jpg", new int[] {1080, 1920, 0x9B5DE5, 0x00BBF9});

    private static final String CLIP = "clip.mp4";

    /** Holds only the names above: anything else is a 404, so requests cannot grow it. */
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @GetMapping(value = "/demo/feed.xml", produces = "application/rss+xml")
    public String feed() throws IOException {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        try (InputStream in = getClass().getResourceAsStream("/demo/feed.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{base}", base);
        }
    }

    @GetMapping("/demo/media/{name}")
    public ResponseEntity<byte[]> media(@PathVariable String name) {
        if (name.equals(CLIP)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4"))
                    .body(cache.computeIfAbsent(name, n -> mp4()));
        }
        int[] spec = PICTURES.get(name);
        if (spec == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .body(cache.computeIfAbsent(name, n -> jpeg(n, spec)));
    }

    private static byte[] jpeg(String name, int[] spec) {
        BufferedImage image = new BufferedImage(spec[0], spec[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(spec[2]), spec[0], spec[1], new Color(spec[3])));
        g.fillRect(0, 0, spec[0], spec[1]);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
        g.drawString("Feedgram demo: " + name, 60, spec[1] / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A minimal well-formed MP4 that meets Instagram's video rules (docs/instagram.md#media): ftyp,
     * a moov before the media data with one H.264 track of 1080×1920 at 30 fps for 5 s, and an
     * empty mdat. It has no frames, but the sandbox reads only the boxes.
     */
    private static byte[] mp4() {
        int seconds = 5;
        int fps = 30;
        int timescale = fps * 100;   // one frame lasts 100 ticks
        byte[] matrix = ByteBuffer.allocate(36).putInt(0, 0x10000).putInt(16, 0x10000).putInt(32, 0x40000000).array();
        byte[] mvhd = box("mvhd", ints(0, 0, 0, 1000, seconds * 1000, 0x10000, 0x01000000, 0, 0), matrix, new byte[24], ints(2));
        byte[] tkhd = box("tkhd", ints(3, 0, 0, 1, 0, seconds * 1000, 0, 0, 0, 0), matrix, ints(1080 << 16, 1920 << 16));
        byte[] mdhd = box("mdhd", ints(0, 0, 0, timescale, seconds * timescale, 0x55C40000));
        byte[] hdlr = box("hdlr", ints(0, 0), "vide".getBytes(StandardCharsets.US_ASCII), new byte[13]);
        byte[] avc1 = box("avc1", new byte[6], shorts(1), new byte[16], shorts(1080, 1920), ints(0x480000, 0x480000, 0),
                shorts(1), new byte[32], shorts(0x18, -1));
        byte[] stbl = box("stbl", box("stsd", ints(0, 1), avc1), box("stts", ints(0, 1, fps * seconds, 100)),
                box("stsc", ints(0, 0)), box("stsz", ints(0, 0, 0)), box("stco", ints(0, 0)));
        byte[] minf = box("minf", box("vmhd", ints(1, 0, 0)), box("dinf", box("dref", ints(0, 1), box("url ", ints(1)))), stbl);
        byte[] moov = box("moov", mvhd, box("trak", tkhd, box("mdia", mdhd, hdlr, minf)));
        byte[] ftyp = box("ftyp", "isom".getBytes(StandardCharsets.US_ASCII), ints(0x200),
                "isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ftyp);
        out.writeBytes(moov);
        out.writeBytes(box("mdat"));
        return out.toByteArray();
    }

    private static byte[] box(String type, byte[]... parts) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            payload.writeBytes(part);
        }
        return ByteBuffer.allocate(8 + payload.size()).putInt(8 + payload.size())
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(payload.toByteArray()).array();
    }

    private static byte[] ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    private static byte[] shorts(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(2 * values.length);
        for (int value : values) {
            buffer.putShort((short) value);
        }
        return buffer.array();
    }
}
