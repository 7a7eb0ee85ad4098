package io.feedgram.feed;

import static io.feedgram.post.MediaType.IMAGE;
import static io.feedgram.post.MediaType.VIDEO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.feedgram.post.MediaItem;

class FeedReaderTest {

    private final FeedReader reader = new FeedReader();
    private final CaptionTemplate captions = new CaptionTemplate();

    private List<FeedEntry> read(String name) throws Exception {
        return reader.entries(Corpus.parse(name), "https://feeds.example/" + name);
    }

    private FeedEntry only(String name) throws Exception {
        List<FeedEntry> entries = read(name);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    @Test
    void rss2EnclosureImage() throws Exception {
        FeedEntry entry = only("rss2-enclosure.xml");
        assertThat(entry.key()).isEqualTo("tag:photos.example.org,2024:fastnet");
        assertThat(entry.link()).isEqualTo("https://photos.example.org/2024/fastnet-at-dawn");
        assertThat(entry.author()).isEqualTo("Anna Byrne");
        assertThat(entry.categories()).containsExactly("Lighthouses", "Cork");
        assertThat(entry.published()).isEqualTo(Instant.parse("2024-05-14T06:12:00Z"));
        assertThat(entry.media()).containsExactly(
                new MediaItem("https://photos.example.org/media/fastnet.jpg", IMAGE, null));
        assertThat(captions.render(null, entry)).isEqualTo("""
                Fastnet at dawn

                The Fastnet light, seen from the ferry.

                https://photos.example.org/2024/fastnet-at-dawn

                #Lighthouses #Cork""");
    }

    @Test
    void rss1RdfWithContentEncodedAndDublinCore() throws Exception {
        FeedEntry entry = only("rss1-rdf.xml");
        assertThat(entry.key()).isEqualTo("https://birds.example.net/notes/robin");
        assertThat(entry.author()).isEqualTo("Tom Hale");
        assertThat(entry.categories()).containsExactly("Birds");
        assertThat(entry.published()).isEqualTo(Instant.parse("2024-03-02T09:30:00Z"));
        assertThat(entry.media()).containsExactly(
                new MediaItem("https://birds.example.net/images/robin.png", IMAGE, "A robin on a wooden fence"));
        assertThat(captions.render(null, entry)).isEqualTo("""
                A robin on the fence

                It stayed for ten minutes.

                https://birds.example.net/notes/robin

                #Birds""");
    }

    @Test
    void rss092WithoutGuidIsKeyedByLink() throws Exception {
        FeedEntry entry = only("rss092.xml");
        assertThat(entry.key()).isEqualTo("http://radio.example.com/news/swap-meet.html");
        assertThat(entry.published()).isNull();
        assertThat(entry.media()).containsExactly(
                new MediaItem("http://radio.example.com/pics/swap-meet.gif", IMAGE, null));
        assertThat(captions.render(null, entry)).isEqualTo("""
                Swap meet photos

                Valves, dials and a lot of coffee.

                http://radio.example.com/news/swap-meet.html""");
    }

    @Test
    void atom03EscapedContentWithRelativeImageAndFeedAuthor() throws Exception {
        FeedEntry entry = only("atom03.xml");
        assertThat(entry.key()).isEqualTo("tag:pots.example.com,2005:blue-glaze");
        assertThat(entry.author()).isEqualTo("Mia Kent");
        assertThat(entry.content()).startsWith("<p>Cobalt on stoneware.</p>");
        assertThat(entry.media()).containsExactly(
                new MediaItem("http://pots.example.com/2005/07/images/blue-glaze.jpg", IMAGE, "A blue glazed bowl"));
        assertThat(captions.render("{title}: {content}", entry)).isEqualTo("Blue glaze test: Cobalt on stoneware.");
    }

    @Test
    void atom10EnclosureLinkIsAVideo() throws Exception {
        FeedEntry entry = only("atom10-enclosure.xml");
        assertThat(entry.key()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        assertThat(entry.link()).isEqualTo("https://kites.example.com/posts/beach-launch");
        assertThat(entry.summary()).isEqualTo("Windy, perfect.");
        assertThat(entry.content()).isEqualTo("<p>Windy, <em>perfect</em>.</p>");
        assertThat(entry.author()).isEqualTo("Sam Ortiz");
        assertThat(entry.published()).isEqualTo(Instant.parse("2024-06-01T18:00:00Z"));
        assertThat(entry.media()).containsExactly(
                new MediaItem("https://cdn.kites.example.com/beach-launch.mp4", VIDEO, null));
        assertThat(captions.render(null, entry)).isEqualTo("""
                Beach launch

                Windy, perfect.

                https://kites.example.com/posts/beach-launch

                #kites #beachdays""");
    }

    @Test
    void wordpressKeepsContentImagesAndDropsEmojiPixelsAndDataUris() throws Exception {
        FeedEntry entry = only("wordpress.xml");
        assertThat(entry.key()).isEqualTo("https://allotment.example.com/?p=1432");
        assertThat(entry.title()).isEqualTo("First tomatoes of the year – finally!");
        assertThat(entry.author()).isEqualTo("Priya");
        assertThat(entry.media()).containsExactly(
                new MediaItem("https://allotment.example.com/wp-content/uploads/2024/06/tomatoes.jpg", IMAGE,
                        "Red tomatoes on the vine"),
                new MediaItem("https://allotment.example.com/wp-content/uploads/2024/06/sungold.jpg", IMAGE, null));
        assertThat(captions.render(null, entry)).isEqualTo("""
                First tomatoes of the year – finally!

                After weeks of waiting the greenhouse finally delivered. Here is how it went… Read more

                https://allotment.example.com/2024/06/08/first-tomatoes/

                #Vegetables #TomatoesPeppers""");
        assertThat(captions.render("{content}", entry)).isEqualTo("""
                After weeks of waiting the greenhouse finally delivered 🍅

                The “Sungold” plants did best.

                The post First tomatoes appeared first on Allotment Stories.""");
    }

    @Test
    void youtubeMediaGroupGivesTheVideoWithItsDescriptionAsAltText() throws Exception {
        FeedEntry entry = only("youtube.xml");
        assertThat(entry.key()).isEqualTo("yt:video:dQw4w9WgXcQ");
        assertThat(entry.link()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(entry.author()).isEqualTo("Woodturning Weekly");
        assertThat(entry.published()).isEqualTo(Instant.parse("2024-05-30T15:00:06Z"));
        assertThat(entry.media()).containsExactly(new MediaItem("https://videos.example.com/dQw4w9WgXcQ.mp4", VIDEO,
                "From a green walnut log to a finished bowl in one afternoon."));
        assertThat(captions.render(null, entry)).isEqualTo("""
                Turning a walnut bowl

                https://www.youtube.com/watch?v=dQw4w9WgXcQ""");
    }

    @Test
    void mastodonMediaContentWithDescriptionsAndMentions() throws Exception {
        FeedEntry entry = only("mastodon.xml");
        assertThat(entry.key()).isEqualTo("https://social.example/@jo/112589112011");
        assertThat(entry.title()).isNull();
        assertThat(entry.categories()).containsExactly("cycling", "sunset");
        assertThat(entry.media()).containsExactly(
                new MediaItem("https://files.social.example/media_attachments/files/112/589/original/river.jpeg",
                        IMAGE, "Bikes leaning on a railing above a river at sunset"),
                new MediaItem("https://files.social.example/media_attachments/files/112/590/original/ride.mp4",
                        VIDEO, "Riding along the river path"));
        // the categories are already hashtags in the text, so {hashtags} does not repeat them
        assertThat(captions.render(null, entry)).isEqualTo("""
                Evening ride with @sam and @kim & the river was gold.

                #cycling #sunset

                https://social.example/@jo/112589112011""");
    }

    @Test
    void podcastWithOnlyAudioHasNoMedia() throws Exception {
        FeedEntry entry = only("podcast.xml");
        assertThat(entry.key()).isEqualTo("soiltalk-42");
        assertThat(entry.media()).isEmpty();
    }

    @Test
    void manyImagesAreCutToTenAndTextOnlyEntriesHaveNone() throws Exception {
        List<FeedEntry> entries = read("many-images-and-text-only.xml");
        assertThat(entries).extracting(FeedEntry::title)
                .containsExactly("Twelve murals in one street", "Notes on permissions");
        assertThat(entries.get(0).media()).hasSize(10).allMatch(item -> item.type() == IMAGE);
        assertThat(entries.get(0).media().get(0))
                .isEqualTo(new MediaItem("https://walls.example.com/murals/01.jpg", IMAGE, "Mural 01"));
        assertThat(entries.get(0).media().get(9))
                .isEqualTo(new MediaItem("https://walls.example.com/murals/10.jpg", IMAGE, "Mural 10"));
        assertThat(entries.get(1).media()).isEmpty();
        assertThat(captions.render(null, entries.get(1))).isEqualTo("""
                Notes on permissions

                Ask before you paint.

                https://walls.example.com/notes/permissions""");
    }

    @Test
    void jsonFeed10ImageResolvedAgainstTheItemUrl() {
        List<FeedEntry> entries = reader.jsonEntries(Corpus.text("jsonfeed10-image.json"),
                "https://bread.example.com/feed.json");
        FeedEntry entry = entries.get(0);
        assertThat(entry.key()).isEqualTo("2024-02-10-rye");
        assertThat(entry.author()).isEqualTo("Lea Park");
        assertThat(entry.categories()).containsExactly("bread", "rye");
        assertThat(entry.published()).isEqualTo(Instant.parse("2024-02-10T07:00:00Z"));
        assertThat(entry.media()).containsExactly(new MediaItem("https://bread.example.com/photos/rye.jpg", IMAGE, null));
        assertThat(captions.render("{title}\n\n{content}", entry)).isEqualTo("Rye loaf\n\nA dense, sour rye.\n\nBaked at 230°C.");
    }

    @Test
    void jsonFeed11AttachmentsKeepImageAndVideoButNotAudio() {
        List<FeedEntry> entries = reader.jsonEntries(Corpus.text("jsonfeed11-attachments.json"),
                "https://trails.example.com/feed.json");
        assertThat(entries).extracting(FeedEntry::key).containsExactly(
                "https://trails.example.com/runs/ridge", "https://trails.example.com/runs/rest-day");
        FeedEntry ridge = entries.get(0);
        assertThat(ridge.author()).isEqualTo("Ravi Shah");
        assertThat(ridge.media()).containsExactly(
                new MediaItem("https://trails.example.com/media/ridge.webp", IMAGE, "The ridge at sunrise"),
                new MediaItem("https://trails.example.com/media/ridge.mp4", VIDEO, null));
        // no summary: the default template shows the content_text, its paragraphs kept
        assertThat(captions.render(null, ridge)).isEqualTo("""
                Ridge run

                Twelve kilometres along the ridge.

                Mud everywhere.

                https://trails.example.com/runs/ridge

                #running #trailrunning""");
        assertThat(entries.get(1).media()).isEmpty();
    }
}
