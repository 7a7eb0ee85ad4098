package io.feedgram.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** The lenient parser stays safe: no entity is expanded, no DTD or external entity is ever fetched. */
class FeedParserTest {

    private static final String ENTITIES = "the feed declares XML entities (DOCTYPE internal subset)";

    private final FeedParser parser = new FeedParser();
    private final FeedReader reader = new FeedReader();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer dtdServer;
    private String dtdUrl;

    @BeforeEach
    void startDtdServer() throws Exception {
        dtdServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        dtdServer.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] dtd = "<!ENTITY leak \"fetched\">".getBytes();
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        dtdServer.start();
        dtdUrl = "http://127.0.0.1:" + dtdServer.getAddress().getPort() + "/rss.dtd";
    }

    @AfterEach
    void stopDtdServer() {
        dtdServer.stop(0);
    }

    @Test
    void theXxeFileDisclosureFeedDisclosesNothing(@TempDir Path dir) throws Exception {
        String secret = "secret-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("secret.txt"), secret);
        String xxe = Corpus.text("broken/xxe.xml").replace("file:///etc/passwd", file.toUri().toString());
        assertThat(xxe).contains(file.toUri().toString());

        assertThat(outcome(xxe)).contains(ENTITIES).doesNotContain(secret);
        // the same entity, declared after a comment, in lower case, or in a feed that is not well-formed either
        assertThat(outcome(xxe.replace("<!DOCTYPE", "<!-- hi -->\n<!doctype").replace("<!ENTITY", "<!entity")))
                .contains(ENTITIES).doesNotContain(secret);
        assertThat(outcome(xxe.replace("</channel>", "<b></channel>"))).contains(ENTITIES).doesNotContain(secret);
        // a DOCTYPE out of place is never read: the entity reference stays as written
        String misplaced = "<rss version=\"2.0\"><!DOCTYPE rss [<!ENTITY secret SYSTEM \"" + file.toUri() + "\">]>"
                + "<channel><title>t</title><item><title>a &secret; b</title></item></channel></rss>";
        assertThat(outcome(misplaced)).doesNotContain(secret);
        // an external DTD naming the file is dropped, unread
        String external = "<!DOCTYPE rss SYSTEM \"" + file.toUri() + "\"><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>a &secret; b</title></item></channel></rss>";
        assertThat(outcome(external)).contains("a &secret; b").doesNotContain(secret);
    }

    @Test
    void anExternalDtdIsNeverFetched() throws Exception {
        String netscape = Corpus.text("lenient/rss091-netscape.xml")
                .replace("http://my.netscape.com/publish/formats/rss-0.91.dtd", dtdUrl);
        assertThat(netscape).contains(dtdUrl);
        assertThat(reader.entries(parser.parse(netscape), null)).hasSize(2);

        String withReference = "<!DOCTYPE rss SYSTEM \"" + dtdUrl + "\"><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>&leak;</title></item></channel></rss>";
        assertThat(outcome(withReference)).doesNotContain("fetched");

        String parameterEntity = "<!DOCTYPE rss [<!ENTITY % dtd SYSTEM \"" + dtdUrl + "\"> %dtd;]>"
                + "<rss version=\"2.0\"><channel><title>&leak;</title></channel></rss>";
        assertThat(outcome(parameterEntity)).contains(ENTITIES).doesNotContain("fetched");

        assertThat(fetches).as("requests for the DTD").hasValue(0);
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        Throwable failure = catchThrowable(() -> parser.parse(Corpus.text("poll-billion-laughs.xml")));
        assertThat(failure).isInstanceOf(FeedProblem.class).hasMessageContaining(ENTITIES).hasMessageNotContaining("lol");
    }

    @Test
    void aDocumentThatDeclaresNothingButIsCutShortIsTruncated() {
        Throwable failure = catchThrowable(() -> parser.parse("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>t</title><entry><title>half"));
        assertThat(FeedProblem.describe(failure))
                .isEqualTo("invalid XML: the document ends before its <feed> element is closed (a truncated feed?)");
    }

    @Test
    void htmlLeftOpenInATitleIsKeptAsWritten() throws Exception {
        List<FeedEntry> entries = reader.entries(parser.parse(Corpus.text("lenient/html-entities-and-unclosed.xml")), null);
        assertThat(entries.get(0).title()).isEqualTo("Crème <i>br&ucirc;l&eacute;e");
    }

    /** The entries' titles and descriptions, or the reason the feed was refused. */
    private String outcome(String xml) {
        try {
            return reader.entries(parser.parse(xml), null).stream()
                    .map(entry -> entry.title() + " " + entry.summary() + " " + entry.content()).toList().toString();
        } catch (Exception refused) {
            return FeedProblem.describe(refused);
        }
    }
}
