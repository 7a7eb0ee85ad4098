package io.feedgram.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.feedgram.post.MediaItem;

/**
 * Every test feed and what becomes of it: read, with how many entries and (where given) the first
 * entry's title as a caption shows it, link, first media URL and author; or refused, with a reason
 * that says why. The lenient/ feeds are shapes that feed readers such as Python's feedparser read.
 */
class FeedCorpusTest {

    private static final String JSON = "application/feed+json";

    @ParameterizedTest(name = "{0} ({1}) is read")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            # file                                   | Content-Type                           | entries | first title                           | link                                        | first media                              | author
            rss2-enclosure.xml                       |                                        | 1 | Fastnet at dawn                       | https://photos.example.org/2024/fastnet-at-dawn | https://photos.example.org/media/fastnet.jpg | Anna Byrne
            rss1-rdf.xml                             |                                        | 1 | A robin on the fence                  | https://birds.example.net/notes/robin       | https://birds.example.net/images/robin.png | Tom Hale
            rss092.xml                               |                                        | 1 | Swap meet photos                      | http://radio.example.com/news/swap-meet.html |                                         |
            atom03.xml                               |                                        | 1 | Blue glaze test                       |                                             |                                          | Mia Kent
            atom10-enclosure.xml                     |                                        | 1 | Beach launch                          | https://kites.example.com/posts/beach-launch | https://cdn.kites.example.com/beach-launch.mp4 | Sam Ortiz
            wordpress.xml                            |                                        | 1 | First tomatoes of the year – finally! |                                             |                                          | Priya
            youtube.xml                              |                                        | 1 | Turning a walnut bowl                 |                                             |                                          |
            mastodon.xml                             |                                        | 1 |                                       | https://social.example/@jo/112589112011     |                                          |
            podcast.xml                              |                                        | 1 |                                       |                                             |                                          |
            many-images-and-text-only.xml            |                                        | 2 | Twelve murals in one street           |                                             | https://walls.example.com/murals/01.jpg  |
            poll-blog.xml                            |                                        | 3 | First picture                         |                                             |                                          |
            jsonfeed10-image.json                    | application/feed+json                  | 1 | Rye loaf                              |                                             | https://bread.example.com/photos/rye.jpg | Lea Park
            jsonfeed11-attachments.json              | application/feed+json                  | 2 | Ridge run                             |                                             |                                          | Ravi Shah
            lenient/bom-utf8-rss.xml                 | application/rss+xml                    | 1 | Kettle on                             | https://lenient.example/kettle              |                                          |
            lenient/bom-utf8-atom.xml                |                                        | 1 | Atom with a BOM                       | https://lenient.example/atom-bom            |                                          |
            lenient/bom-utf16le-rss.xml              | text/xml; charset=ISO-8859-1           | 1 | Crème brûlée                          | https://lenient.example/creme               |                                          |
            lenient/bom-utf16be-atom.xml             | application/atom+xml; charset=utf-8    | 1 | Zürich in UTF-16BE                    | https://lenient.example/zurich              |                                          |
            lenient/utf16le-no-bom.xml               |                                        | 1 | Ångström without a BOM                | https://lenient.example/angstrom            |                                          |
            lenient/declared-latin1.xml              |                                        | 1 | Café au lait                          | https://lenient.example/cafe                |                                          |
            lenient/declared-latin1.xml              | text/xml; charset=UTF-8                | 1 | Café au lait                          | https://lenient.example/cafe                |                                          |
            lenient/declared-latin1-served-utf8.xml  | application/rss+xml; charset=UTF-8     | 1 | Smörgåsbord                           | https://lenient.example/smorgas             |                                          |
            lenient/bom-utf8-jsonfeed.json           | application/json                       | 1 | JSON with a BOM                       | https://lenient.example/json-bom            |                                          |
            lenient/leading-whitespace.xml           |                                        | 1 | Blank lines first                     | https://lenient.example/blank               |                                          |
            lenient/rss091-netscape.xml              | text/xml                               | 2 | Antenna day                           | http://radio.example.com/news/antenna-day.html |                                       |
            lenient/rss091-netscape-no-declaration.xml |                                      | 1 | Still here                            | http://old.example.com/still                |                                          |
            lenient/atom-doctype-system.xml          |                                        | 1 | DTD never fetched                     | https://lenient.example/no-dtd              |                                          |
            lenient/rss090.xml                       |                                        | 2 | New Status Updates                    | http://www.mozilla.org/status/              |                                          |
            lenient/rss090-undeclared-rdf.xml        |                                        | 1 | First of 0.90                         | http://old.example.net/1                    |                                          |
            lenient/rss090-items-in-channel.xml      |                                        | 2 | Inside one                            | http://inside.example.net/1                 |                                          |
            lenient/rdf-no-default-namespace.xml     |                                        | 1 | Bare item                             | http://bare.example.org/1                   |                                          |
            lenient/rdf-items-in-channel.xml         |                                        | 2 | Nested A                              | http://nest.example.org/a                   |                                          |
            lenient/rdf-undeclared-dc.xml            |                                        | 1 | With a creator                        | http://dc.example.org/1                     |                                          | Ada Byron
            lenient/rdf-without-channel.xml          |                                        | 1 | Lone item                             | http://lone.example.org/1                   |                                          |
            lenient/empty-rss092.xml                 |                                        | 0 |                                       |                                             |                                          |
            lenient/empty-atom.xml                   |                                        | 0 |                                       |                                             |                                          |
            lenient/empty-channel.xml                |                                        | 0 |                                       |                                             |                                          |
            lenient/empty-rdf.xml                    |                                        | 0 |                                       |                                             |                                          |
            lenient/rss-no-version.xml               |                                        | 1 | No version                            | https://lenient.example/no-version          |                                          |
            lenient/rss-items-outside-channel.xml    |                                        | 1 | Outside                               | https://lenient.example/outside             |                                          |
            lenient/atom-no-namespace.xml            |                                        | 1 | Atom without namespace                | https://lenient.example/bare-atom           |                                          |
            lenient/undeclared-itunes.xml            |                                        | 1 | Episode 7                             | https://lenient.example/ep7                 |                                          |
            lenient/undeclared-atom.xml              |                                        | 1 | Self-linked                           | https://lenient.example/self                |                                          |
            lenient/undeclared-media.xml             |                                        | 1 | Gallery                               | https://lenient.example/gallery             | https://lenient.example/gallery.jpg      |
            lenient/undeclared-dc.xml                |                                        | 1 | By line                               | https://lenient.example/by-line             |                                          | Grace Hopper
            lenient/undeclared-content.xml           |                                        | 1 | Encoded                               | https://lenient.example/encoded             | https://lenient.example/encoded.png      |
            lenient/undeclared-unknown-prefix.xml    |                                        | 1 | Mystery                               | https://lenient.example/mystery             |                                          |
            lenient/unclosed-b-in-title.xml          |                                        | 1 | Unclosed bold                         | https://lenient.example/bold                |                                          |
            lenient/unclosed-img-in-description.xml  |                                        | 1 | Picture                               | https://lenient.example/picture             | https://lenient.example/picture.jpg      |
            lenient/bare-ampersand.xml               |                                        | 1 | Fish & chips                          | https://lenient.example/fish?a=1&b=2        |                                          |
            lenient/bare-ampersand-and-prefix.xml    |                                        | 1 | Salt & vinegar                        | https://lenient.example/salt                |                                          | Cook
            lenient/html-entities.xml                |                                        | 1 | Café crème — menu                     | https://lenient.example/creme               |                                          |
            lenient/html-entities-and-unclosed.xml   |                                        | 1 | Crème brûlée                          | https://lenient.example/brulee              |                                          |
            lenient/bare-less-than.xml               |                                        | 1 | 3 < 4 and 5 > 2                       | https://lenient.example/maths               |                                          |
            lenient/control-character.xml            |                                        | 1 | Bell rings                            | https://lenient.example/bell                |                                          |
            lenient/jsonfeed-version-1.1-short.json  | application/feed+json                  | 1 | Short version                         | https://lenient.example/short-version       | https://lenient.example/short-version.jpg |
            lenient/jsonfeed-version-1.json          | application/feed+json                  | 1 | Version one                           | https://lenient.example/version-one         |                                          |
            lenient/jsonfeed-version-trailing-slash.json | application/feed+json              | 1 | Trailing slash                        | https://lenient.example/trailing-slash      |                                          |
            lenient/jsonfeed-version-http.json       | application/json                       | 1 | Plain http                            | https://lenient.example/plain-http          |                                          |
            lenient/jsonfeed-no-version.json         |                                        | 1 | No version                            | https://lenient.example/no-version          |                                          |
            lenient/jsonfeed-empty-items.json        | application/feed+json                  | 0 |                                       |                                             |                                          |
            """)
    void isRead(String file, String contentType, int entries, String title, String link, String media, String author)
            throws Exception {
        List<FeedEntry> read = Corpus.entries(file, contentType);
        assertThat(read).hasSize(entries);
        if (entries > 0) {
            FeedEntry first = read.get(0);
            if (title != null) {
                assertThat(Html.toText(first.title())).isEqualTo(title);
            }
            if (link != null) {
                assertThat(first.link()).isEqualTo(link);
            }
            if (media != null) {
                assertThat(first.media()).extracting(MediaItem::url).first().isEqualTo(media);
            }
            if (author != null) {
                assertThat(first.author()).isEqualTo(author);
            }
        }
    }

    @ParameterizedTest(name = "{0} is refused: {2}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            # file                            | Content-Type           | the reason contains
            broken/xxe.xml                    |                        | the feed declares XML entities (DOCTYPE internal subset)
            broken/billion-laughs.xml         |                        | the feed declares XML entities (DOCTYPE internal subset)
            broken/xxe-parameter-entity.xml   |                        | the feed declares XML entities (DOCTYPE internal subset)
            broken/xxe-after-comment.xml      |                        | the feed declares XML entities (DOCTYPE internal subset)
            poll-xxe.xml                      | text/xml               | the feed declares XML entities (DOCTYPE internal subset)
            poll-billion-laughs.xml           | text/xml               | the feed declares XML entities (DOCTYPE internal subset)
            broken/html-page.html             | text/html              | the response is an HTML page, not a feed
            poll-page.html                    | text/html              | the response is an HTML page, not a feed
            broken/xhtml-page.xml             |                        | the response is an HTML page, not a feed
            broken/not-a-feed.xml             |                        | the response is not an RSS or Atom feed
            broken/empty.xml                  |                        | empty response
            broken/invalid.xml                |                        | invalid XML: The element type "title" must be terminated by the matching end-tag
            broken/unclosed-item.xml          |                        | invalid XML: The element type "item" must be terminated by the matching end-tag
            broken/truncated.xml              |                        | invalid XML: the document ends before its <rss> element is closed
            poll-invalid.xml                  |                        | invalid XML: the document ends before its <rss> element is closed
            broken/malformed.json             | application/feed+json  | invalid JSON Feed: not valid JSON
            broken/wrong-version.json         | application/feed+json  | version "https://jsonfeed.org/version/2" is not JSON Feed 1.0 or 1.1
            broken/json-not-a-feed.json       | application/json       | invalid JSON Feed: neither a "version" nor an "items" array
            broken/json-array.json            | application/json       | invalid JSON Feed: the document is not a JSON object
            """)
    void isRefused(String file, String contentType, String reason) {
        Throwable failure = catchThrowable(() -> Corpus.entries(file, contentType));
        assertThat(failure).as(file + " must be refused").isNotNull();
        assertThat(FeedFailure.describe(failure, Corpus.text(file, contentType))).contains(reason);
    }
}
