package io.feedgram.inbox;

import io.feedgram.api.ApiProblem;
import io.feedgram.api.FieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.post.MediaType;
import io.feedgram.post.PostKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The inbox's field rules, without Camel or Spring. */
class InboxValidatorTest {

    private final InboxValidator validator = new InboxValidator(new ObjectMapper(),
            java.time.Clock.fixed(java.time.Instant.parse("2029-06-01T00:00:00Z"), java.time.ZoneOffset.UTC));

    @Test
    void readsAFullSubmission() {
        Submission s = validator.read("""
                {"account": "alpha", "caption": "Hello #sun @friend", "kind": "FEED",
                 "publish_at": "2030-01-31T09:00:00+01:00",
                 "media": [{"url": "https://example.com/a.JPG", "alt_text": "a cat"},
                           {"url": "https://example.com/b", "type": "VIDEO"}],
                 "options": {"share_to_feed": false, "cover_url": "https://example.com/c.jpg", "thumb_offset": 1500,
                             "location_id": "123", "collaborators": ["ann"],
                             "user_tags": [{"username": "bob", "x": 0.5, "y": 0.25}]}}""");

        assertThat(s.account()).isEqualTo("alpha");
        assertThat(s.kind()).isEqualTo(PostKind.FEED);
        assertThat(s.publishAt()).isEqualTo(Instant.parse("2030-01-31T08:00:00Z"));
        assertThat(s.media()).extracting(m -> m.type()).containsExactly(MediaType.IMAGE, MediaType.VIDEO);
        assertThat(s.media().get(0).altText()).isEqualTo("a cat");
        assertThat(s.options().shareToFeed()).isFalse();
        assertThat(s.options().thumbOffset()).isEqualTo(1500L);
        assertThat(s.options().collaborators()).containsExactly("ann");
        assertThat(s.options().userTags().get(0).x()).isEqualTo(0.5);
    }

    @ParameterizedTest
    @CsvSource({"x.jpg, IMAGE", "x.jpeg, IMAGE", "x.png, IMAGE", "x.webp, IMAGE", "x.mp4, VIDEO", "x.MOV, VIDEO",
            "x.m4v, VIDEO"})
    void infersTheTypeFromTheExtension(String file, MediaType type) {
        Submission s = validator.read(post("\"media\": [{\"url\": \"http://example.com/media/" + file + "?v=1\"}]"));
        assertThat(s.media().get(0).type()).isEqualTo(type);
        assertThat(s.kind()).isEqualTo(PostKind.FEED);
    }

    @Test
    void namesEveryOffendingFieldAtOnce() {
        assertThat(errors("""
                {"caption": 5, "kind": "CAROUSEL", "publish_at": "tomorrow", "colour": "red",
                 "media": [{"url": "ftp://example.com/a.jpg"}, {"url": "https://example.com/a.gif"},
                           {"url": "https://example.com/a.jpg", "type": "AUDIO", "alt_text": 3}],
                 "options": {"share_to_feed": "yes", "cover_url": "file:///etc/passwd", "thumb_offset": -1,
                             "collaborators": "ann", "user_tags": [{"x": 2}]}}"""))
                .containsExactlyInAnyOrder("account", "caption", "kind", "publish_at", "colour", "media[0].url",
                        "media[1].type", "media[2].type", "media[2].alt_text", "options.share_to_feed",
                        "options.cover_url", "options.thumb_offset", "options.collaborators",
                        "options.user_tags[0].username", "options.user_tags[0].x");
    }

    @Test
    void userTagsStayWithinInstagramsLimits() {
        String media = "\"media\": [{\"url\": \"https://e.com/a.jpg\"}], ";
        String tag = "{\"username\": \"friend\", \"x\": 0.5, \"y\": 0.5}";
        String twentyOne = String.join(",", java.util.Collections.nCopies(21, tag));
        assertThat(errors(post(media + "\"options\": {\"user_tags\": [" + twentyOne + "]}"))).containsExactly("options.user_tags");
        String longName = "{\"username\": \"" + "a".repeat(31) + "\", \"x\": 0.5, \"y\": 0.5}";
        assertThat(errors(post(media + "\"options\": {\"user_tags\": [" + longName + "]}")))
                .containsExactly("options.user_tags[0].username");
    }

    @Test
    void mediaMustHoldOneToTenItems() {
        assertThat(errors(post("\"media\": []"))).containsExactly("media");
        String eleven = String.join(",", java.util.Collections.nCopies(11, "{\"url\": \"https://e.com/a.jpg\"}"));
        assertThat(errors(post("\"media\": [" + eleven + "]"))).containsExactly("media");
        assertThat(errors("{\"account\": \"alpha\"}")).containsExactly("media");
        assertThat(errors(post("\"media\": {}"))).containsExactly("media");
    }

    @Test
    void captionsKeepToInstagramsLimits() {
        assertThat(errors(caption("x".repeat(2201)))).containsExactly("caption");
        assertThat(validator.read(caption("x".repeat(2200))).caption()).hasSize(2200);
        assertThat(errors(caption(tags("#tag", 31)))).containsExactly("caption");
        assertThat(validator.read(caption(tags("#tag", 30))).caption()).isNotNull();
        assertThat(errors(caption(tags("@user", 21)))).containsExactly("caption");
        assertThat(validator.read(caption(tags("@user", 20))).caption()).isNotNull();
        assertThat(validator.read(caption("mail me at ann@example.com #1")).caption()).isNotNull();
    }

    @Test
    void aReelIsExactlyOneVideo() {
        assertThat(errors(post("\"kind\": \"REEL\", \"media\": [{\"url\": \"https://e.com/a.jpg\"}]")))
                .containsExactly("media");
        assertThat(errors(post("\"kind\": \"REEL\", \"media\": [{\"url\": \"https://e.com/a.mp4\"},"
                + " {\"url\": \"https://e.com/b.mp4\"}]"))).containsExactly("media");
        assertThat(validator.read(post("\"kind\": \"REEL\", \"media\": [{\"url\": \"https://e.com/a.mp4\"}]")).kind())
                .isEqualTo(PostKind.REEL);
    }

    @Test
    void malformedJsonIsOneBodyError() {
        assertThat(errors("{\"account\": ")).containsExactly("body");
        assertThat(errors("[1, 2]")).containsExactly("body");
        assertThat(errors("")).containsExactly("body");
    }

    private List<String> errors(String body) {
        ApiProblem problem = (ApiProblem) org.assertj.core.api.Assertions.catchThrowable(() -> validator.read(body));
        assertThat(problem).as("refused: %s", body).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        assertThatThrownBy(() -> validator.read(body)).isInstanceOf(ApiProblem.class);
        return problem.errors().stream().map(FieldError::field).toList();
    }

    private static String post(String mediaAndMore) {
        return "{\"account\": \"alpha\", " + mediaAndMore + "}";
    }

    private static String caption(String caption) {
        return post("\"caption\": \"" + caption + "\", \"media\": [{\"url\": \"https://e.com/a.jpg\"}]");
    }

    private static String tags(String tag, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(tag).append(i).append(' ');
        }
        return text.toString();
    }
}
