package io.feedgram.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Real JPEG, PNG and MP4 bytes over HTTP for the sandbox to fetch, like a blog's media host. */
@RestController
@ConditionalOnProperty(name = "sandbox-test.media", havingValue = "true")
final class TestMediaController {

    private static final MediaType JPEG = MediaType.IMAGE_JPEG;

    private final byte[] square = image(1080, 1080, "jpg");
    private final byte[] wide = image(3000, 1000, "jpg");
    private final byte[] portrait = image(1080, 1920, "jpg");
    private final byte[] png = image(1080, 1080, "png");

    @GetMapping("/test-media/ok.jpg")
    ResponseEntity<byte[]> square() {
        return ResponseEntity.ok().contentType(JPEG).body(square);
    }

    @GetMapping("/test-media/wide.jpg")
    ResponseEntity<byte[]> wide() {
        return ResponseEntity.ok().contentType(JPEG).body(wide);
    }

    @GetMapping("/test-media/story.jpg")
    ResponseEntity<byte[]> portrait() {
        return ResponseEntity.ok().contentType(JPEG).body(portrait);
    }

    @GetMapping("/test-media/pic.png")
    ResponseEntity<byte[]> png() {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }

    /** JPEG magic bytes, then padding past the 8 MiB limit. */
    @GetMapping("/test-media/huge.jpg")
    ResponseEntity<byte[]> huge() {
        byte[] bytes = new byte[8 * 1024 * 1024 + 1024];
        System.arraycopy(square, 0, bytes, 0, 16);
        return ResponseEntity.ok().contentType(JPEG).body(bytes);
    }

    /** An MP4 is recognised by its {@code ftyp} box at offset 4. */
    @GetMapping("/test-media/clip.mp4")
    ResponseEntity<byte[]> clip() {
        byte[] bytes = Arrays.copyOf(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 4096);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4")).body(bytes);
    }

    @GetMapping("/test-media/not-a-video.mp4")
    ResponseEntity<byte[]> notAVideo() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .body("<html>not a video</html>".getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/test-media/missing.jpg")
    ResponseEntity<byte[]> missing() {
        return ResponseEntity.notFound().build();
    }

    private static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(40, 120, 200));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
