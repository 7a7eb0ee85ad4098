package io.feedgram.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Real-world media over HTTP, as a blog's media host serves them: the {@link MediaCorpus} images
 * and {@link VideoCorpus} videos under {@code /corpus/<name>}, each with its own Content-Type, and
 * an RSS feed at {@code /corpus/feed.xml} whose items a test sets. Each file is made once per JVM,
 * the first time anything asks for it.
 */
@RestController
@ConditionalOnProperty(name = "media-test.corpus", havingValue = "true")
public class CorpusMediaController {

    private static final MediaType JPEG = MediaType.IMAGE_JPEG;
    private static final MediaType PNG = MediaType.IMAGE_PNG;
    private static final MediaType MP4 = MediaType.parseMediaType("video/mp4");

    /** A corpus file: how it is served and how it is made. */
    record CorpusFile(MediaType type, Supplier<byte[]> make) {
    }

    /** The corpus, by file name. */
    static final Map<String, CorpusFile> FILES = new LinkedHashMap<>();

    static {
        FILES.put("square.jpg", new CorpusFile(JPEG, () -> MediaCorpus.jpeg(1080, 1080)));
        FILES.put("alpha.png", new CorpusFile(PNG, () -> MediaCorpus.pngWithAlpha(1200, 900)));
        FILES.put("picture.png", new CorpusFile(PNG,
                () -> MediaCorpus.png(MediaCorpus.picture(1200, 900, BufferedImage.TYPE_INT_RGB))));
        FILES.put("photo.webp", new CorpusFile(MediaType.parseMediaType("image/webp"), MediaCorpus::webp));
        FILES.put("portrait-3x4.jpg", new CorpusFile(JPEG, () -> MediaCorpus.jpeg(900, 1200)));
        FILES.put("portrait-2x3.jpg", new CorpusFile(JPEG, () -> MediaCorpus.jpeg(800, 1200)));
        FILES.put("panorama.jpg", new CorpusFile(JPEG, () -> MediaCorpus.jpeg(1800, 600)));
        FILES.put("cmyk.jpg", new CorpusFile(JPEG, () -> MediaCorpus.cmykJpeg(800, 600)));
        FILES.put("exif6.jpg", new CorpusFile(JPEG, () -> MediaCorpus.jpegWithOrientation6(1200, 900)));
        FILES.put("camera.jpg", new CorpusFile(JPEG, () -> MediaCorpus.noisyJpeg(7000, 5000)));
        FILES.put("animated.gif", new CorpusFile(MediaType.IMAGE_GIF, () -> unchecked(() -> MediaCorpus.animatedGif(500, 500, 3))));
        // Videos: header-only files (ftyp, moov, a small mdat), enough for every inspection.
        FILES.put("reel-9x16.mp4", new CorpusFile(MP4,
                () -> iso(dir -> VideoCorpus.isoFile(dir, "isom", "avc1", "mp4a", 10, 30, 1080, 1920))));
        FILES.put("sixty-16x9.mp4", new CorpusFile(MP4,
                () -> iso(dir -> VideoCorpus.isoFile(dir, "isom", "avc1", "mp4a", 10, 60, 1920, 1080))));
        // The same 60 fps clip at 1000 ticks a second: 1000/60 is no whole number, so its frames last
        // 16 ticks and its sample table adds up to 9.6 s of a 10 s track (see MediaPublishingTest).
        FILES.put("sixty-16x9-ms.mp4", new CorpusFile(MP4,
                () -> iso(dir -> VideoCorpus.isoFile(dir, "isom", "avc1", "mp4a", 10, 60, 1920, 1080, 1000))));
        FILES.put("hevc.mov", new CorpusFile(MediaType.parseMediaType("video/quicktime"),
                () -> iso(dir -> VideoCorpus.isoFile(dir, "qt  ", "hvc1", "mp4a", 8, 30, 1080, 1920))));
        FILES.put("vp9.webm", new CorpusFile(MediaType.parseMediaType("video/webm"), () -> iso(VideoCorpus::webm)));
        // Real, decodable videos (see RealClips), for the transcoding: a VP9 WebM reel and a 120 fps MP4.
        FILES.put("real-vp9.webm", new CorpusFile(MediaType.parseMediaType("video/webm"),
                () -> iso(dir -> RealClips.vp9WebM(dir, 360, 640, 30, 4))));
        FILES.put("real-120fps.mp4", new CorpusFile(MP4, () -> iso(dir -> RealClips.h264Mp4(dir, 360, 640, 120, 4))));
        FILES.put("short-2s.mp4", new CorpusFile(MP4,
                () -> iso(dir -> VideoCorpus.isoFile(dir, "isom", "avc1", "mp4a", 2, 30, 1080, 1920))));
    }

    private static final Map<String, byte[]> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every corpus file request, as its path and query: a test can tell that a URL was never fetched. */
    private final java.util.Queue<String> requests = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** The RSS items {@code /corpus/feed.xml} serves; none until a test sets them. */
    private final AtomicReference<String> feedItems = new AtomicReference<>("");

    /** The bytes of corpus file {@code name}, made on first use and kept for the JVM's life. */
    static byte[] bytes(String name) {
        CorpusFile file = FILES.get(name);
        if (file == null) {
            throw new IllegalArgumentException("no corpus file " + name);
        }
        return MADE.computeIfAbsent(name, n -> file.make().get());
    }

    /** Sets the feed's items (RSS {@code <item>} elements); {@code {base}} becomes this server's URL. */
    public void feedItems(String items) {
        feedItems.set(items);
    }

    /** The requests for corpus files whose path or query contains {@code fragment}. */
    public List<String> requests(String fragment) {
        return requests.stream().filter(r -> r.contains(fragment)).toList();
    }

    @GetMapping("/corpus/{name}")
    ResponseEntity<byte[]> file(@PathVariable String name, jakarta.servlet.http.HttpServletRequest request) {
        requests.add(request.getRequestURI() + "?" + request.getQueryString());
        CorpusFile file = FILES.get(name);
        if (file == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(file.type()).body(bytes(name));
    }

    @GetMapping("/corpus/feed.xml")
    ResponseEntity<String> feed() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Corpus blog</title><link>%s/blog/</link><description>media</description>
                %s
                </channel></rss>""".formatted(base, feedItems.get().replace("{base}", base));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/rss+xml; charset=UTF-8")).body(body);
    }

    private interface IoFunction<T, R> {
        R apply(T t) throws IOException;
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static byte[] unchecked(IoSupplier<byte[]> make) {
        try {
            return make.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A video VideoCorpus writes into a fresh directory, read back as bytes. */
    private static byte[] iso(IoFunction<Path, Path> write) {
        try {
            Path dir = Files.createTempDirectory("corpus-video");
            Path file = write.apply(dir);
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
