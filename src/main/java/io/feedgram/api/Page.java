package io.feedgram.api;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of a newest-first list; {@code next_cursor} is null on the last page. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Page<T>(List<T> items, String nextCursor) {

    /** The page of {@code fetched} (up to {@link PageRequest#fetchSize()} rows), with the cursor after its last row. */
    public static <R, T> Page<T> of(List<R> fetched, PageRequest request, Function<R, PageCursor> cursor,
                                    Function<R, T> view) {
        boolean more = fetched.size() > request.size();
        List<R> shown = more ? fetched.subList(0, request.size()) : fetched;
        return new Page<>(shown.stream().map(view).toList(),
                more ? cursor.apply(shown.get(shown.size() - 1)).encode() : null);
    }
}
