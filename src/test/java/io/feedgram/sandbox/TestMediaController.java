package io.feedgram.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Real JPEG, PNG, MP4 and WebM bytes over HTTP for the sandbox to fetch, like a blog's media host. */
@RestController
@ConditionalOnProperty(name = "sandbox-test.media", havingValue = "true")
final class TestMediaController {

    private static final MediaType JPEG = MediaType.IMAGE_JPEG;
    private static final MediaType MP4 = MediaType.parseMediaType("video/mp4");

    private final byte[] square = image(1080, 1080, "jpg");
    private final byte[] wide = image(3000, 1000, "jpg");
    private final byte[] portrait = image(1080, 1920, "jpg");
    private final byte[] png = image(1080, 1080, "png");
    final AtomicLong endlessWritten = new AtomicLong();
    final AtomicBoolean endlessEnded = new AtomicBoolean();

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

    /** A video that meets every rule Instagram documents for reels, stories and carousels. */
    @GetMapping("/test-media/clip.mp4")
    ResponseEntity<byte[]> clip() {
        return ResponseEntity.ok().contentType(MP4).body(TestVideo.COMPLIANT.bytes());
    }

    /** {@link TestVideo#COMPLIANT} with the properties the query sets (see {@link TestVideo#of}). */
    @GetMapping("/test-media/video.mp4")
    ResponseEntity<byte[]> video(@RequestParam Map<String, String> set) {
        return ResponseEntity.ok().contentType(MP4).body(TestVideo.of(set).bytes());
    }

    /** The start of a WebM file: an EBML header, no ftyp box. */
    @GetMapping("/test-media/clip.webm")
    ResponseEntity<byte[]> webm() {
        byte[] bytes = Arrays.copyOf(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 1,
                0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'}, 4096);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/webm")).body(bytes);
    }

    /** A JPEG of the given size, for the width and ratio rules. */
    @GetMapping("/test-media/sized.jpg")
    ResponseEntity<byte[]> sized(@RequestParam int width, @RequestParam int height) {
        return ResponseEntity.ok().contentType(JPEG).body(image(width, height, "jpg"));
    }

    @GetMapping("/test-media/not-a-video.mp4")
    ResponseEntity<byte[]> notAVideo() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .body("<html>not a video</html>".getBytes(StandardCharsets.UTF_8));
    }

    /** JPEG bytes without end and without a length, until the reader hangs up (or 1 GiB); counts what it wrote. */
    @GetMapping("/test-media/endless.jpg")
    ResponseEntity<StreamingResponseBody> endless() {
        endlessWritten.set(0);
        endlessEnded.set(false);
        return ResponseEntity.ok().contentType(JPEG).body(out -> {
            byte[] chunk = Arrays.copyOf(square, 64 * 1024);
            try {
                while (endlessWritten.get() < 1L << 30) {
                    out.write(chunk);
                    out.flush();
                    endlessWritten.addAndGet(chunk.length);
                }
            } finally {
                endlessEnded.set(true);
            }
        });
    }

    @GetMapping("/test-media/moved.jpg")
    ResponseEntity<Void> moved() {
        return redirect("/test-media/ok.jpg");
    }

    @GetMapping("/test-media/loop.jpg")
    ResponseEntity<Void> loop() {
        return redirect("/test-media/loop.jpg");
    }

    /** Where cloud instance metadata answers. */
    @GetMapping("/test-media/metadata.jpg")
    ResponseEntity<Void> toMetadata() {
        return redirect("http://169.254.169.254/latest/meta-data/");
    }

    @GetMapping("/test-media/missing.jpg")
    ResponseEntity<byte[]> missing() {
        return ResponseEntity.notFound().build();
    }

    private static ResponseEntity<Void> redirect(String location) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location).build();
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
