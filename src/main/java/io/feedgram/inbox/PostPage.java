package io.feedgram.inbox;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of posts, newest first; {@code next_cursor} is null on the last page. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PostPage(List<PostView> items, String nextCursor) {
}
