package io.feedgram.media;

import java.nio.file.Path;
import java.util.Optional;

import io.feedgram.graph.MetaEndpoints;
import org.springframework.stereotype.Component;

/**
 * The store's files as Instagram's fetcher sees them, at {@code <public-url>/media/<name>}: the
 * URL of a copy or upload, the upload a post names, and the file behind a URL of ours (read from
 * disk rather than fetched over the network from ourselves).
 */
@Component
public class ServedMedia {

    private final MediaStore store;
    private final MetaEndpoints endpoints;

    ServedMedia(MediaStore store, MetaEndpoints endpoints) {
        this.store = store;
        this.endpoints = endpoints;
    }

    /** Where Instagram fetches the file called {@code name}. */
    String url(String name) {
        return endpoints.publicUrl() + "/media/" + name;
    }

    /** The URL of upload {@code id}, which a post names as {@code {"upload": id}}; empty when there is none (or it expired). */
    public Optional<String> upload(String id) {
        return store.find(id).map(file -> url(id));
    }

    /** The file a URL of ours serves (an upload, or a copy already made); empty for any other URL. */
    Optional<Path> fileOf(String url) {
        return nameOf(url).flatMap(store::find);
    }

    /** The name of the stored file a URL of ours serves ({@code /media/<name>}); empty for any other URL. */
    public Optional<String> nameOf(String url) {
        String served = url("");
        return url.startsWith(served) ? Optional.of(url.substring(served.length())) : Optional.empty();
    }
}
