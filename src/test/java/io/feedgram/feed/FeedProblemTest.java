package io.feedgram.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

/** What FeedParser, Rome 2.1.0 and Jackson really throw for broken and hostile feeds, and what a person is told. */
class FeedProblemTest {

    private static final String ENTITIES = "the feed declares XML entities (DOCTYPE internal subset); "
            + "refused to prevent entity expansion / external entity attacks";

    private final FeedReader reader = new FeedReader();
    private final FeedParser parser = new FeedParser();

    private Throwable xmlFailure(String name) {
        return xmlFailureOf(Corpus.text(name));
    }

    private Throwable xmlFailureOf(String body) {
        Throwable failure = catchThrowable(() -> parser.parse(body));
        assertThat(failure).as("must not parse: " + body).isNotNull();
        return failure;
    }

    @Test
    void xxeIsRefusedBeforeAnyEntityIsResolved() {
        Throwable failure = xmlFailure("broken/xxe.xml");
        assertThat(failure).isInstanceOf(FeedProblem.class).hasMessageNotContaining("root:");
        assertThat(FeedProblem.describe(failure)).isEqualTo(ENTITIES);
    }

    @Test
    void billionLaughsIsRefused() {
        assertThat(FeedProblem.describe(xmlFailure("broken/billion-laughs.xml"))).isEqualTo(ENTITIES);
    }

    @Test
    void anHtmlPageIsNamedAsSuch() {
        Throwable failure = xmlFailure("broken/html-page.html");
        assertThat(FeedProblem.describe(failure)).isEqualTo("the response is an HTML page, not a feed");
        assertThat(FeedProblem.describe(failure, Corpus.text("broken/html-page.html")))
                .isEqualTo("the response is an HTML page, not a feed");
    }

    @Test
    void htmlWithoutDoctypeIsAnHtmlPageToo() {
        Throwable failure = xmlFailureOf("<html><head><title>Moved</title></head><body><p>Gone</p></body></html>");
        assertThat(FeedProblem.describe(failure)).isEqualTo("the response is an HTML page, not a feed");
    }

    @Test
    void wellFormedXmlThatIsNoFeedIsNotAFeed() {
        Throwable failure = xmlFailureOf("<note><to>Tove</to></note>");
        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid document");
        assertThat(FeedProblem.describe(failure))
                .isEqualTo("the response is not an RSS or Atom feed (no rss, RDF or feed root element)");
    }

    @Test
    void invalidXmlQuotesTheParser() {
        assertThat(FeedProblem.describe(xmlFailure("broken/invalid.xml"))).isEqualTo(
                "invalid XML: The element type \"title\" must be terminated by the matching end-tag \"</title>\". (line 7, column 7)");
    }

    @Test
    void anEmptyBodyIsAnEmptyResponse() {
        Throwable failure = xmlFailure("broken/empty.xml");
        assertThat(FeedProblem.describe(failure)).isEqualTo("empty response");
        assertThat(FeedProblem.describe(failure, "")).isEqualTo("empty response");
    }

    @Test
    void wrappedFailuresAreDescribedByTheirCause() {
        Throwable wrapped = new IllegalStateException("route failed", xmlFailure("broken/xxe.xml"));
        assertThat(FeedProblem.describe(wrapped)).isEqualTo(ENTITIES);
        assertThat(FeedProblem.describe(new IllegalStateException("boom"))).isEqualTo("the feed could not be read: boom");
    }

    @Test
    void malformedJsonFeedSaysWhere() {
        Throwable failure = catchThrowable(() -> reader.jsonEntries(Corpus.text("broken/malformed.json"), null));
        assertThat(failure).isInstanceOf(FeedProblem.class);
        assertThat(FeedProblem.describe(failure)).isEqualTo("invalid JSON Feed: not valid JSON (Unexpected character "
                + "('}' (code 125)): was expecting double-quote to start field name at line 5, column 39)");
    }

    @Test
    void wrongJsonFeedVersionIsRefused() {
        Throwable failure = catchThrowable(() -> reader.jsonEntries(Corpus.text("broken/wrong-version.json"), null));
        assertThat(FeedProblem.describe(failure))
                .isEqualTo("invalid JSON Feed: version \"https://jsonfeed.org/version/2\" is not JSON Feed 1.0 or 1.1");
    }

    @Test
    void jsonFeedStructureProblemsAreNamed() {
        assertThat(describeJson("")).isEqualTo("empty response");
        assertThat(describeJson("[1, 2]")).isEqualTo("invalid JSON Feed: the document is not a JSON object");
        assertThat(describeJson("{\"title\": \"x\", \"entries\": []}"))
                .isEqualTo("invalid JSON Feed: neither a \"version\" nor an \"items\" array");
        assertThat(describeJson("{\"version\": \"https://jsonfeed.org/version/1.1\"}"))
                .isEqualTo("invalid JSON Feed: \"items\" must be an array");
        assertThat(describeJson("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [\"a\"]}"))
                .isEqualTo("invalid JSON Feed: item 1 is not an object");
        assertThat(describeJson("<!DOCTYPE html><html></html>")).startsWith("invalid JSON Feed: not valid JSON (Unexpected character ('<'");
    }

    private String describeJson(String body) {
        return FeedProblem.describe(catchThrowable(() -> reader.jsonEntries(body, null)));
    }
}
