package io.feedgram.post;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Instagram options of a post; each is sent only where Instagram accepts it
 * (docs/instagram.md#containers). {@code shareToFeed} null means the configured default. {@code firstComment}
 * is posted as the account's own comment right after the media is published (comment.FirstComments).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostOptions(
        Boolean shareToFeed,
        String coverUrl,
        Long thumbOffset,
        String locationId,
        List<String> collaborators,
        List<UserTag> userTags,
        String firstComment) {

    public static final PostOptions NONE = new PostOptions(null, null, null, null, null, null, null);

    /** Options without a first comment. */
    public PostOptions(Boolean shareToFeed, String coverUrl, Long thumbOffset, String locationId,
                       List<String> collaborators, List<UserTag> userTags) {
        this(shareToFeed, coverUrl, thumbOffset, locationId, collaborators, userTags, null);
    }

    /** These options with {@code text} as the first comment (none when null). */
    public PostOptions withFirstComment(String text) {
        return new PostOptions(shareToFeed, coverUrl, thumbOffset, locationId, collaborators, userTags, text);
    }

    /** A tagged public user; x and y run 0..1 from the top-left and are required on images. */
    public record UserTag(String username, Double x, Double y) {
    }
}
