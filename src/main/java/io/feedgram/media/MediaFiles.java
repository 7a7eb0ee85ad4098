package io.feedgram.media;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the copies Feedgram made, and the media uploaded to it, to Instagram's fetcher. Spring answers {@code Range} requests
 * for a {@link Resource} body with 206 and the right {@code Content-Range}: Instagram's video
 * fetcher needs them, and a host without them fails with 2207077.
 */
@RestController
class MediaFiles {

    private final MediaStore store;

    MediaFiles(MediaStore store) {
        this.store = store;
    }

    @GetMapping("/media/{name}")
    ResponseEntity<Resource> file(@PathVariable String name) {
        return store.find(name)
                .<ResponseEntity<Resource>>map(file -> ResponseEntity.ok()
                        .contentType(MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM))
                        .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).noTransform())
                        .body(new FileSystemResource(file)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
