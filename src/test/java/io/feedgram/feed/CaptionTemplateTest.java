package io.feedgram.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CaptionTemplateTest {

    private final CaptionTemplate captions = new CaptionTemplate();

    private static FeedEntry entry(String title, String summary, String content, String author, List<String> categories) {
        return new FeedEntry("k", "https://blog.example/post", title, summary, content, author, categories, null, null);
    }

    @Test
    void everyPlaceholderIsFilled() {
        FeedEntry entry = entry("Title", "<p>Summary</p>", "<p>Content</p>", "Ana", List.of("Art", "Fine Art!", "art"));
        assertThat(captions.render("{title}|{summary}|{content}|{link}|{author}|{hashtags}|{unknown}", entry))
                .isEqualTo("Title|Summary|Content|https://blog.example/post|Ana|#Art #FineArt|{unknown}");
    }

    @Test
    void htmlBecomesTextWithParagraphsAndEntities() {
        FeedEntry entry = entry("Caf&eacute; &amp; bar", null,
                "<h2>Menu</h2><p>Tea &amp; cake&nbsp;&mdash; &euro;4</p><p>Line one<br>line two</p>"
                        + "<ul><li>one</li><li>two</li></ul><div><div><p>deep</p></div></div>",
                null, List.of());
        assertThat(captions.render("{title}\n\n{content}", entry)).isEqualTo("""
                Café & bar

                Menu

                Tea & cake — €4

                Line one
                line two

                one
                two

                deep""");
    }

    @Test
    void blankPlaceholdersLeaveNoDoubleBlankLines() {
        FeedEntry entry = new FeedEntry("k", null, "Only a title", "  ", null, null, List.of(), null, null);
        assertThat(captions.render(null, entry)).isEqualTo("Only a title");
        assertThat(captions.render("{author}\n\n{title}\n\n\n\n{summary}\n\n{link}", entry)).isEqualTo("Only a title");
    }

    @Test
    void theSummaryFallsBackToTheContentOnlyWhenTheContentIsNotShown() {
        FeedEntry entry = entry("T", null, "<p>Body</p>", null, List.of());
        assertThat(captions.render("{summary}", entry)).isEqualTo("Body");
        assertThat(captions.render("{summary}{content}", entry)).isEqualTo("Body");
    }

    @Test
    void longCaptionsShortenTheBodyOnAWordBoundaryAndKeepLinkAndTags() {
        String words = String.join(" ", IntStream.range(0, 600).mapToObj(i -> "word" + i).toList());
        FeedEntry entry = entry("Title", "<p>" + words + "</p>", null, null, List.of("travel"));
        String caption = captions.render(null, entry);
        assertThat(caption).hasSizeLessThanOrEqualTo(2_200)
                .startsWith("Title\n\nword0 word1 ")
                .endsWith("…\n\nhttps://blog.example/post\n\n#travel")
                .matches(Pattern.compile("(?s).*word\\d+…\\n.*"));
        assertThat(caption.length()).isGreaterThan(2_190);
    }

    @Test
    void truncationNeverCutsAUrlHashtagOrMention() {
        String filler = "a".repeat(2_180 - 1) + " ";
        String url = "https://example.com/a/very/long/path/that/crosses/the/limit";
        assertThat(CaptionLimits.truncate(filler + url + " tail", 2_200)).isEqualTo("a".repeat(2_179) + "…");
        assertThat(CaptionLimits.truncate(filler + "#averyveryverylonghashtag tail", 2_200)).isEqualTo("a".repeat(2_179) + "…");
        assertThat(CaptionLimits.truncate(filler + "@someone.with.a.long.name tail", 2_200)).isEqualTo("a".repeat(2_179) + "…");
        assertThat(CaptionLimits.truncate(url, 20)).isEqualTo("…");
        assertThat(CaptionLimits.truncate("one two, three", 10)).isEqualTo("one two…");
        assertThat(CaptionLimits.truncate("short", 10)).isEqualTo("short");
    }

    @Test
    void hashtagsBeyondThirtyAreDropped() {
        List<String> categories = IntStream.rangeClosed(1, 35).mapToObj(i -> "tag" + i).toList();
        String caption = captions.render("{title} #intext\n\n{hashtags}", entry("T", null, null, null, categories));
        assertThat(Pattern.compile("#\\w+").matcher(caption).results().count()).isEqualTo(30);
        assertThat(caption).startsWith("T #intext\n\n#tag1 #tag2 ").endsWith("#tag28 #tag29");
    }

    @Test
    void mentionsBeyondTwentyAreDroppedButEmailsAndUrlsAreNotMentions() {
        String people = String.join(" ", IntStream.rangeClosed(1, 25).mapToObj(i -> "@user" + i).toList());
        FeedEntry entry = entry("Thanks " + people + " and anna@example.org, see https://social.example/@jo/1", null,
                null, null, List.of());
        String caption = captions.render("{title}", entry);
        assertThat(caption).isEqualTo("Thanks " + String.join(" ", IntStream.rangeClosed(1, 20)
                .mapToObj(i -> "@user" + i).toList()) + " and anna@example.org, see https://social.example/@jo/1");
    }

    @Test
    void fediverseMentionsCountAsOne() {
        FeedEntry entry = entry("Hi @kim@other.example and @sam", null, null, null, List.of());
        assertThat(captions.render("{title}", entry)).isEqualTo("Hi @kim@other.example and @sam");
    }
}
