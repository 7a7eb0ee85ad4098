package io.feedgram.media;

import java.util.Optional;

import io.feedgram.graph.MetaEndpoints;
import org.springframework.stereotype.Component;

/** The uploads a post may name ({@code "media": [{"upload": "<id>"}]}), as the URLs their media are served at. */
@Component
public class Uploads {

    private final MediaStore store;
    private final MetaEndpoints endpoints;

    Uploads(MediaStore store, MetaEndpoints endpoints) {
        this.store = store;
        this.endpoints = endpoints;
    }

    /** The public URL of upload {@code id}; empty when there is no such upload (or it has expired). */
    public Optional<String> url(String id) {
        return store.find(id).map(file -> endpoints.publicUrl() + "/media/" + id);
    }
}
