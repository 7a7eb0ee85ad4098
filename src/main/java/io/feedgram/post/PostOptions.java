package io.feedgram.post;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Instagram options of a post; each is sent only where Instagram accepts it
 * (docs/instagram.md#containers). {@code shareToFeed} null means the configured default.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostOptions(
        Boolean shareToFeed,
        String coverUrl,
        Long thumbOffset,
        String locationId,
        List<String> collaborators,
        List<UserTag> userTags) {

    public static final PostOptions NONE = new PostOptions(null, null, null, null, null, null);

    /** A tagged public user; x and y run 0..1 from the top-left and are required on images. */
    public record UserTag(String username, Double x, Double y) {
    }
}
