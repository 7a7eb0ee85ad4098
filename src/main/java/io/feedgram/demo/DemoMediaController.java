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
 * URLs point back here, JPEG pictures drawn on the fly, and a stand-in MP4 (enough for the
 * sandbox, which checks the container box only).
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

    /** An ISO base media file header (ftyp box) followed by an empty media data box. */
    private static byte[] mp4() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 24});
        out.writeBytes("ftypisom".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 0, 2, 0});
        out.writeBytes("isomiso2".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 0, 0, 8});
        out.writeBytes("mdat".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
