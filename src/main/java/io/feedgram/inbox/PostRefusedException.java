package io.feedgram.inbox;

import java.util.List;
import java.util.stream.Collectors;

import io.feedgram.api.FieldError;

/**
 * A post a route handed to Feedgram (the instagram-post-sink Kamelet, {@code direct:feedgram-post})
 * that the inbox refused: {@link #errors()} names every offending field, exactly as the API's
 * {@code 400}/{@code 422} problem does, so the route can {@code onException} or {@code doTry} it.
 */
public final class PostRefusedException extends RuntimeException {

    private final List<FieldError> errors;

    public PostRefusedException(List<FieldError> errors) {
        super("Feedgram refused the post: " + errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
