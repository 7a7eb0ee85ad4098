package io.feedgram.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.post.PostStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 3, points 2 and 3: feeds fetched over real HTTP by the real routes. Broken and hostile
 * feeds each leave a clear error on their own status while the others carry on; a 304 costs
 * nothing; each entry is taken once; the first poll follows the feed's backfill policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:feed-polling;DB_CLOSE_DELAY=-1",
        "feedgram.sandbox.enabled=true",
        "feedgram.demo.enabled=false",
        "sandbox-test.media=true",
        "feed-test.server=true",
        "feedgram.publishing.min-interval=0s",
        "feedgram.publishing.poll-initial-delay=200ms",
        "feedgram.publishing.poll-interval=300ms",
        "feedgram.sandbox.processing-delay.image=200ms",
        "feedgram.fetch.check=200ms",
        "feedgram.fetch.max-size=1MB",
        "camel.component.http.so-timeout=1500",
        "camel.component.http.response-timeout=1500",
        "feedgram.api.keys[0]=feed-test-key",
        "feedgram.accounts[0].id=blog",
        "feedgram.accounts[0].ig-user-id=17841400000000909",
        "feedgram.accounts[0].access-token=IGAA-feed-test-token",
        "feedgram.feeds[0].id=live",
        "feedgram.feeds[0].url=http://localhost:${local.server.port}/test-feeds/live/blog",
        "feedgram.feeds[0].account=blog",
        "feedgram.feeds[0].every=1h",
        "feedgram.feeds[0].backfill=all",
        "feedgram.feeds[0].caption={title} {link}",
        "feedgram.feeds[1].id=catalogue",
        "feedgram.feeds[1].url=http://localhost:${local.server.port}/test-feeds/live/catalogue",
        "feedgram.feeds[1].account=blog",
        "feedgram.feeds[1].every=1h",
        "feedgram.feeds[2].id=newest",
        "feedgram.feeds[2].url=http://localhost:${local.server.port}/test-feeds/live/newest",
        "feedgram.feeds[2].account=blog",
        "feedgram.feeds[2].every=1h",
        "feedgram.feeds[2].backfill=latest",
        "feedgram.feeds[3].id=xxe",
        "feedgram.feeds[3].url=http://localhost:${local.server.port}/test-feeds/file/poll-xxe.xml",
        "feedgram.feeds[3].account=blog",
        "feedgram.feeds[4].id=laughs",
        "feedgram.feeds[4].url=http://localhost:${local.server.port}/test-feeds/file/poll-billion-laughs.xml",
        "feedgram.feeds[4].account=blog",
        "feedgram.feeds[5].id=html",
        "feedgram.feeds[5].url=http://localhost:${local.server.port}/test-feeds/file/poll-page.html",
        "feedgram.feeds[5].account=blog",
        "feedgram.feeds[6].id=invalid",
        "feedgram.feeds[6].url=http://localhost:${local.server.port}/test-feeds/file/poll-invalid.xml",
        "feedgram.feeds[6].account=blog",
        "feedgram.feeds[7].id=gone",
        "feedgram.feeds[7].url=http://localhost:${local.server.port}/test-feeds/status/404",
        "feedgram.feeds[7].account=blog",
        "feedgram.feeds[8].id=broken",
        "feedgram.feeds[8].url=http://localhost:${local.server.port}/test-feeds/status/500",
        "feedgram.feeds[8].account=blog",
        "feedgram.feeds[9].id=hanging",
        "feedgram.feeds[9].url=http://localhost:${local.server.port}/test-feeds/hang",
        "feedgram.feeds[9].account=blog",
        "feedgram.feeds[10].id=huge",
        "feedgram.feeds[10].url=http://localhost:${local.server.port}/test-feeds/huge",
        "feedgram.feeds[10].account=blog",
        "feedgram.feeds[11].id=bom",
        "feedgram.feeds[11].url=http://localhost:${local.server.port}/test-feeds/file/poll-bom.xml",
        "feedgram.feeds[11].account=blog",
        "feedgram.feeds[12].id=netscape",
        "feedgram.feeds[12].url=http://localhost:${local.server.port}/test-feeds/file/poll-netscape.xml",
        "feedgram.feeds[12].account=blog",
})
class FeedPollingTest {

    @LocalServerPort
    int port;

    @Autowired
    FeedStates states;

    @Autowired
    TestFeedServer server;

    @Autowired
    JdbcClient jdbc;

    @Test
    void brokenAndHostileFeedsEachLeaveAClearErrorWhileTheOthersCarryOn() {
        assertError("xxe", "the feed declares XML entities (DOCTYPE internal subset)");
        assertError("laughs", "the feed declares XML entities (DOCTYPE internal subset)");
        assertError("html", "HTML");
        assertError("invalid", "XML");
        assertError("gone", "HTTP 404");
        assertError("broken", "HTTP 500");
        assertError("hanging", "did not answer in time");
        assertError("huge", "larger than the 1 MB limit");
        // No secret leaked through the XXE entity into anything stored.
        assertThat(jdbc.sql("select count(*) from post where caption like '%root:%'").query(Integer.class).single()).isZero();

        server.publish("blog", feed(item("after-errors", "Still working", true)));
        assertThat(pollNow("live").lastStatus()).isEqualTo("OK");
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf("after-errors"), s -> s == PostStatus.PUBLISHED);
    }

    @Test
    void aFeedWithAByteOrderMarkAndAnRss091FeedWithItsDoctypeAreRead() {
        FeedState bom = awaitStatus("bom", "OK");
        assertThat(bom.lastError()).isNull();
        assertThat(bom.entriesSeen()).isEqualTo(2);
        FeedState netscape = awaitStatus("netscape", "OK");
        assertThat(netscape.lastError()).isNull();
        assertThat(netscape.entriesSeen()).isEqualTo(2);
        assertThat(jdbc.sql("select caption from post where caption like ?").param("%/blog/bom-1%")
                .query(String.class).single()).startsWith("Gruß aus Köln");
        assertThat(jdbc.sql("select caption from post where caption like ?").param("%/blog/netscape-2%")
                .query(String.class).single()).startsWith("Second");
    }

    @Test
    void anUnchangedFeedCostsOne304AndEachEntryIsTakenOnce() {
        server.publish("blog", feed(item("once-1", "First", true), item("once-2", "Words only", false)));
        FeedState first = pollNow("live");
        assertThat(first.lastStatus()).isEqualTo("OK");
        assertThat(first.etag()).isNotBlank();
        assertThat(postCount("once-1")).isEqualTo(1);
        assertThat(statusOf("once-2")).isEqualTo(PostStatus.SKIPPED);
        assertThat(errorOf("once-2")).isEqualTo("skipped: no image or video");

        int hits = server.hits("blog");
        FeedState unchanged = pollNow("live");
        assertThat(unchanged.lastStatus()).isEqualTo("NOT_MODIFIED");
        assertThat(server.hits("blog")).isEqualTo(hits + 1);
        assertThat(unchanged.entriesSeen()).as("nothing parsed on a 304").isEqualTo(first.entriesSeen());
        assertThat(unchanged.postsCreated()).isEqualTo(first.postsCreated());

        // A changed feed is read again; the known entry is not taken again, even with a new date.
        server.publish("blog", feed(item("once-3", "Third", true), item("once-1", "First, edited", true)));
        FeedState changed = pollNow("live");
        assertThat(changed.lastStatus()).isEqualTo("OK");
        assertThat(changed.entriesSeen()).isEqualTo(first.entriesSeen() + 2);
        assertThat(postCount("once-1")).isEqualTo(1);
        assertThat(postCount("once-3")).isEqualTo(1);
    }

    @Test
    void theFirstPollFollowsTheBackfillPolicy() {
        server.publish("catalogue", feed(item("cat-1", "Old one", true), item("cat-2", "Old two", true)));
        server.publish("newest", feed(item("new-1", "Older", true), item("new-2", "Newest", true), item("new-3", "Text", false)));
        pollNow("catalogue");
        pollNow("newest");

        assertThat(statusOf("cat-1")).isEqualTo(PostStatus.SKIPPED);
        assertThat(errorOf("cat-2")).contains("backfill: none");
        assertThat(statusOf("new-2")).isNotEqualTo(PostStatus.SKIPPED);
        assertThat(errorOf("new-1")).contains("backfill: latest");
        assertThat(errorOf("new-3")).isEqualTo("skipped: no image or video");

        // After the first poll, new entries are posted.
        server.publish("catalogue", feed(item("cat-3", "New one", true), item("cat-1", "Old one", true)));
        pollNow("catalogue");
        assertThat(statusOf("cat-3")).isNotEqualTo(PostStatus.SKIPPED);
    }

    @Test
    void theApiShowsEachFeedPollsOnDemandAndPreviewsWithoutPostingAnything() throws Exception {
        server.publish("newest", feed(item("api-1", "Picture", true), item("api-2", "Words", false)));

        JsonNode preview = api("GET", "/api/v1/feeds/newest/preview");
        assertThat(preview).hasSize(2);
        assertThat(preview.get(0).path("outcome").asText()).isIn("post", "skip", "already-taken");
        JsonNode words = preview.get(1);
        assertThat(words.path("outcome").asText()).isEqualTo("skip");
        assertThat(words.path("reason").asText()).isEqualTo("no image or video");
        assertThat(preview.get(0).path("media").get(0).path("url").asText()).contains("/test-media/ok.jpg");
        assertThat(preview.get(0).path("caption").asText()).contains("Picture");
        if (preview.get(0).path("outcome").asText().equals("post")) {
            // what publishing would do to the media, decided without converting anything
            assertThat(preview.get(0).path("media_plan").get(0).asText()).startsWith("passes as it is (JPEG 1080");
        }
        assertThat(words.path("media_plan").isMissingNode()).isTrue();
        assertThat(postCount("api-1")).as("a preview posts nothing").isZero();

        JsonNode polled = api("POST", "/api/v1/feeds/newest/poll");
        assertThat(polled.path("last_status").asText()).isEqualTo("OK");
        assertThat(polled.path("etag").asText()).isNotBlank();
        assertThat(postCount("api-1")).as("the preview marked nothing seen").isEqualTo(1);
        assertThat(api("GET", "/api/v1/feeds/newest/preview").get(0).path("outcome").asText()).isEqualTo("already-taken");
        // Polling an unchanged feed now answers with its status too (a 304 costs nothing).
        JsonNode unchanged = api("POST", "/api/v1/feeds/newest/poll");
        assertThat(unchanged.path("last_status").asText()).isEqualTo("NOT_MODIFIED");
        assertThat(unchanged.path("polls").asInt()).isEqualTo(polled.path("polls").asInt() + 1);

        JsonNode feeds = api("GET", "/api/v1/feeds");
        assertThat(feeds).hasSize(13);
        JsonNode xxe = awaitFeed("xxe");
        assertThat(xxe.path("last_error").asText()).contains("DOCTYPE");

        HttpResponse<String> broken = send("GET", "/api/v1/feeds/invalid/preview", "Bearer feed-test-key");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(502);
        assertThat(broken.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
        assertThat(broken.body()).contains("invalid XML");
        assertThat(send("GET", "/api/v1/feeds", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/feeds/nope/poll", "Bearer feed-test-key").statusCode()).isEqualTo(404);
    }

    private JsonNode awaitFeed(String id) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode feed : api("GET", "/api/v1/feeds")) {
                if (feed.path("id").asText().equals(id) && !feed.path("last_status").isNull()) {
                    return feed;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    private JsonNode api(String method, String path) throws Exception {
        HttpResponse<String> response = send(method, path, "Bearer feed-test-key");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertError(String feed, String fragment) {
        FeedState state = awaitStatus(feed, "ERROR");
        assertThat(state.lastError()).as("error of feed %s", feed).contains(fragment);
    }

    private FeedState awaitStatus(String feed, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> states.state(feed).orElseThrow(),
                s -> status.equals(s.lastStatus()));
    }

    /** Makes the feed due and waits for that poll to finish (its startup poll may already have run). */
    private FeedState pollNow(String feed) {
        int before = await().atMost(Duration.ofSeconds(20)).until(() -> states.state(feed).orElseThrow(),
                s -> s.lastStatus() != null).polls();
        states.pollSoon(feed);
        return await().atMost(Duration.ofSeconds(20)).until(() -> states.state(feed).orElseThrow(),
                s -> s.polls() > before);
    }

    private int postCount(String guid) {
        return jdbc.sql("select count(*) from post where caption like ?").param("%/blog/" + guid + "%")
                .query(Integer.class).single();
    }

    private PostStatus statusOf(String guid) {
        return jdbc.sql("select status from post where caption like ?").param("%/blog/" + guid + "%")
                .query(String.class).optional().map(PostStatus::valueOf).orElse(null);
    }

    private String errorOf(String guid) {
        return jdbc.sql("select error_message from post where caption like ?").param("%/blog/" + guid + "%")
                .query(String.class).single();
    }

    static String feed(String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Test blog</title><link>{base}/blog/</link><description>t</description>
                %s
                </channel></rss>""".formatted(String.join("\n", items));
    }

    static String item(String guid, String title, boolean withImage) {
        return "<item><title>" + title + "</title><link>{base}/blog/" + guid + "</link><guid>" + guid + "</guid>"
                + "<pubDate>Mon, 23 Nov 2026 0" + guid.charAt(guid.length() - 1) + ":00:00 GMT</pubDate>"
                + (withImage ? "<enclosure url=\"{base}/test-media/ok.jpg?g=" + guid + "\" type=\"image/jpeg\" length=\"0\"/>" : "")
                + "</item>";
    }
}
