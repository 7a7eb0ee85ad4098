package io.feedgram.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.api.ApiProblem;
import io.feedgram.inbox.InboxValidator;
import io.feedgram.post.InstagramLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inbox and the feeds read a caption by the same rules: a caption the inbox accepts is one
 * the feed caption limiter leaves alone, and one it refuses is one the limiter shortens.
 */
class CaptionAgreementTest {

    /** 3 hashtags (#a, #café, #नमस्ते) and 1 mention (@bob) among look-alikes that are neither. */
    private static final String TRICKY = "#a#b &#35; https://x.com/#frag page#section https://mastodon.social/@ann"
            + " #café #नमस्ते ann@example.com @bob";

    private final ObjectMapper json = new ObjectMapper();
    private final InboxValidator inbox = new InboxValidator(json,
            Clock.fixed(Instant.parse("2029-06-01T00:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(ints = {26, 27, 28, 40})
    void agreeOnHashtags(int more) throws JsonProcessingException {
        assertThat(InstagramLimits.hashtags(TRICKY)).isEqualTo(3);
        String caption = TRICKY + words("#t", more);

        assertAgree(caption, 3 + more <= InstagramLimits.MAX_HASHTAGS);
    }

    @ParameterizedTest
    @ValueSource(ints = {18, 19, 20, 30})
    void agreeOnMentions(int more) throws JsonProcessingException {
        assertThat(InstagramLimits.mentions(TRICKY)).isEqualTo(1);
        String caption = TRICKY + words("@m", more);

        assertAgree(caption, 1 + more <= InstagramLimits.MAX_MENTIONS);
    }

    private void assertAgree(String caption, boolean withinLimits) throws JsonProcessingException {
        assertThat(inboxAccepts(caption)).isEqualTo(withinLimits);
        assertThat(CaptionLimits.dropExcessTags(caption).equals(caption)).isEqualTo(withinLimits);
    }

    private boolean inboxAccepts(String caption) throws JsonProcessingException {
        String body = json.writeValueAsString(Map.of("account", "alpha", "caption", caption,
                "media", List.of(Map.of("url", "https://example.com/a.jpg"))));
        try {
            inbox.read(body);
            return true;
        } catch (ApiProblem refused) {
            return false;
        }
    }

    private static String words(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> " " + prefix + i).collect(Collectors.joining());
    }
}
