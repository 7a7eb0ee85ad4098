package io.feedgram.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the files {@link MediaCrashTest} drew (into {@code crash-test.media-dir}) under
 * {@code /crash-media/<name>}, so that a Feedgram process fetches its large originals from
 * itself, like a blog's media host. Only a test run that sets the property has it.
 */
@RestController
@ConditionalOnProperty(name = "crash-test.media-dir")
final class CrashMediaController {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(png|jpg)");

    private final Path directory;

    CrashMediaController(Environment environment) {
        this.directory = Path.of(environment.getRequiredProperty("crash-test.media-dir"));
    }

    @GetMapping("/crash-media/{name}")
    ResponseEntity<Resource> file(@PathVariable String name) {
        Path file = directory.resolve(name);
        if (!NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            return ResponseEntity.notFound().build();
        }
        MediaType type = name.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG;
        return ResponseEntity.ok().contentType(type).body(new FileSystemResource(file));
    }
}
