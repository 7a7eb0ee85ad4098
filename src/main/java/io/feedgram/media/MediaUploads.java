package io.feedgram.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.feedgram.api.ApiProblem;
import io.feedgram.api.BoundedBody;
import io.feedgram.api.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/media}: an image or video sent as the raw body or as the {@code file} part
 * of a form, so that API users without public hosting can post. It is inspected like any media,
 * kept in the store, and answered with an id to use in a post: {@code "media": [{"upload": "<id>"}]}.
 * The API gate has checked the key; the body is streamed to disk within the per-type limits.
 * Users' routes keep local files the same way ({@link #keep}), through the post sink.
 */
@RestController
@RequestMapping("/api/v1/media")
public class MediaUploads {

    /** What Feedgram takes, by content type, and the extension it keeps the file under. */
    private static final Map<String, String> IMAGES = Map.of("image/jpeg", "jpg", "image/png", "png",
            "image/webp", "webp", "image/gif", "gif", "image/bmp", "bmp");
    private static final Map<String, String> VIDEOS = Map.of("video/mp4", "mp4", "video/quicktime", "mov");

    /** The answer: the id to post with, the URL Instagram would fetch, and what the file is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Upload(String id, String url, String type, String format, Integer width, Integer height, long bytes) {
    }

    private final MediaStore store;
    private final ServedMedia served;
    private final MediaProperties properties;
    private final ProblemWriter problems;
    private final ImageInspector images = new ImageInspector();
    private final VideoInspector videos = new VideoInspector();

    MediaUploads(MediaStore store, ServedMedia served, MediaProperties properties, ProblemWriter problems) {
        this.store = store;
        this.served = served;
        this.properties = properties;
        this.problems = problems;
    }

    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<Upload> form(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiProblem.invalid("file", "is required: send the image or video as the form's 'file' part");
        }
        return created(accept(file.getContentType(), file.getSize(), file.getInputStream(), store::newName));
    }

    @PostMapping
    ResponseEntity<Upload> raw(HttpServletRequest request) throws IOException {
        return created(accept(request.getContentType(), request.getContentLengthLong(), request.getInputStream(),
                store::newName));
    }

    /**
     * A local file kept as an upload, exactly as if it had been sent to this API; its extension
     * says what it is. Returns the id a post names it by ({@code {"upload": id}}). The id is made
     * from the file's content, so a route that hands the same file again (after a crash, with the
     * same idempotency key) names the same upload, and the inbox sees the same post.
     */
    public String keep(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1).replace("jpeg", "jpg");
        String type = Stream.of(IMAGES, VIDEOS).flatMap(types -> types.entrySet().stream())
                .filter(entry -> entry.getValue().equals(extension)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> ApiProblem.unsupportedMediaType("'" + file.getFileName() + "' is neither an image "
                        + "(.jpg, .jpeg, .png, .webp, .gif, .bmp) nor a video (.mp4, .mov)."));
        try (InputStream in = Files.newInputStream(file)) {
            String content = contentHash(file);
            return accept(type, Files.size(file), in, ext -> content + "." + ext).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<Upload> created(Upload upload) {
        return ResponseEntity.status(201).header("Location", "/media/" + upload.id()).body(upload);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<String> refused(ApiProblem problem) {
        return problems.entity(problem);
    }

    /** The first 128 bits of the file's SHA-256, as long a name as a random one. */
    private static String contentHash(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private Upload accept(String contentType, long declared, InputStream body, UnaryOperator<String> naming) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean video = VIDEOS.containsKey(type);
        String extension = video ? VIDEOS.get(type) : IMAGES.get(type);
        if (extension == null) {
            throw ApiProblem.unsupportedMediaType("Send an image (JPEG, PNG, WebP, GIF, BMP) or a video (MP4, MOV), "
                    + "as the raw body or as the form's 'file' part" + (type.isEmpty() ? "." : ", not '" + type + "'."));
        }
        long limit = (video ? properties.maxVideoBytes() : properties.maxImageBytes()).toBytes();
        if (declared > limit) {
            throw BoundedBody.tooLarge(limit);
        }
        Path scratch = store.scratch();
        try {
            try (OutputStream out = Files.newOutputStream(scratch)) {
                BoundedBody.copy(body, out, limit, properties.fetchTimeout());
            }
            String id = naming.apply(extension);
            Upload upload = video ? video(scratch, id) : image(scratch, id);
            store.keep(scratch, upload.id());
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                // kept, or removed with the store's tmp directory
            }
        }
    }

    private Upload image(Path file, String id) throws IOException {
        ImageFacts facts = images.inspect(file);
        if (facts.format() == ImageFormat.UNKNOWN) {
            throw ApiProblem.unsupportedMediaType("The body is not an image Feedgram can read (JPEG, PNG, WebP, GIF or BMP).");
        }
        return new Upload(id, served.url(id), "IMAGE", facts.format().name(),
                facts.displayedWidth(), facts.displayedHeight(), Files.size(file));
    }

    private Upload video(Path file, String id) throws IOException {
        VideoFacts facts = videos.inspect(file);
        if (facts.container() != VideoContainer.MP4 && facts.container() != VideoContainer.MOV) {
            throw ApiProblem.unsupportedMediaType("The body is not an MP4 or MOV video"
                    + (facts.container() == VideoContainer.UNKNOWN ? "." : "; it is " + facts.container().label() + "."));
        }
        return new Upload(id, served.url(id), "VIDEO", facts.container().name(),
                facts.width(), facts.height(), Files.size(file));
    }
}
