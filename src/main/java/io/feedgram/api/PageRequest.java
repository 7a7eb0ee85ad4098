package io.feedgram.api;

import java.util.List;

/**
 * The {@code limit} and {@code cursor} query parameters of a newest-first list: a page size from 1 to
 * {@link #MAX_LIMIT} (default {@link #DEFAULT_LIMIT}) and where the previous page ended, if anywhere.
 */
public record PageRequest(int size, PageCursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Reads both parameters; what is wrong with either is added to {@code errors} (the caller answers 400). */
    public static PageRequest read(String limit, String cursor, List<FieldError> errors) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        PageCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = PageCursor.decode(cursor.trim());
            } catch (ApiProblem e) {
                errors.addAll(e.errors());
            }
        }
        return new PageRequest(size, after);
    }

    /** One more than the page holds: a full fetch says there is a next page. */
    public int fetchSize() {
        return size + 1;
    }
}
