package io.feedgram.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where a page of a newest-first list ends: opaque to clients (base64url of created_at and id). */
public record PageCursor(Instant createdAt, String id) {

    /** Every row was created between these; anything else did not come from this API (or fits no database). */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a previous page returned; a 400 {@link ApiProblem} for anything else. */
    public static PageCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 2);
            if (parts.length == 2 && !parts[1].isBlank() && parts[1].length() <= 36) {
                Instant createdAt = Instant.parse(parts[0]);
                if (!createdAt.isBefore(EARLIEST) && createdAt.isBefore(LATEST)) {
                    return new PageCursor(createdAt, parts[1]);
                }
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw ApiProblem.invalid("cursor", "is not a cursor this API returned");
    }
}
