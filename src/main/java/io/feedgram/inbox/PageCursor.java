package io.feedgram.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where a page of posts ends: opaque to clients (base64url of created_at and id). */
record PageCursor(Instant createdAt, String id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a previous page returned; a 400 {@link ApiProblem} for anything else. */
    static PageCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 2);
            if (parts.length == 2 && !parts[1].isBlank()) {
                return new PageCursor(Instant.parse(parts[0]), parts[1]);
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw ApiProblem.invalid("cursor", "is not a cursor this API returned");
    }
}
