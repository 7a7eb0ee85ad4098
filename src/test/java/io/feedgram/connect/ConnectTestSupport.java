package io.feedgram.connect;

import io.feedgram.graph.MetaTransport;
import io.feedgram.testing.MutableClockConfiguration;
import org.springframework.context.annotation.Import;
import io.feedgram.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.feedgram.account.AccountCredentials;
import io.feedgram.account.AccountStates;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.NewPost;
import io.feedgram.post.Post;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostStatus;
import io.feedgram.testing.SandboxTestHarness;

/**
 * The whole application on a random port with the sandbox standing in for Instagram and
 * Facebook, and a browser that follows redirects one hop at a time. All connect tests share
 * this context. Each account's configured token is expired in the sandbox before a flow, so a
 * post can only publish with the token the flow obtained.
 */
@Import(MutableClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:connect;DB_CLOSE_DELAY=-1",
        "feedgram.api.keys[0]=" + ConnectTestSupport.API_KEY,
        "feedgram.accounts[0].id=insta",
        "feedgram.accounts[0].login=instagram",
        "feedgram.accounts[0].ig-user-id=17841400000000601",
        "feedgram.accounts[0].access-token=IGAA-test-insta-configured",
        "feedgram.accounts[0].app-id=610000000000601",
        "feedgram.accounts[0].app-secret=insta-app-secret",
        "feedgram.accounts[1].id=fbook",
        "feedgram.accounts[1].login=facebook",
        "feedgram.accounts[1].ig-user-id=17841400000000602",
        "feedgram.accounts[1].access-token=EAA-test-fbook-configured",
        "feedgram.accounts[1].app-id=620000000000602",
        "feedgram.accounts[1].app-secret=fbook-app-secret",
        "feedgram.accounts[2].id=noapp",
        "feedgram.accounts[2].login=instagram",
        "feedgram.accounts[2].ig-user-id=17841400000000603",
        "feedgram.accounts[2].access-token=IGAA-test-noapp",
})
abstract class ConnectTestSupport extends SandboxTestHarness {


    @Autowired
    MutableClock clock;


    static final String API_KEY = "connect-test-key";
    static final String INSTA_USER = "17841400000000601";
    static final String FBOOK_USER = "17841400000000602";
    static final List<String> SECRETS = List.of("insta-app-secret", "fbook-app-secret");

    @Autowired
    AccountCredentials credentials;

    @Autowired
    AccountStates states;

    final HttpClient browser = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One request and its answer; {@code location} is absolute, without the fragment a browser keeps to itself. */
    record Hop(URI uri, int status, String location, String fragment, String body) {

        Map<String, String> locationParams() {
            return queryOf(URI.create(location));
        }
    }

    String url(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    Hop open(String url) {
        URI uri = URI.create(url);
        try {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse(null);
            String fragment = null;
            if (location != null) {
                int hash = location.indexOf('#');
                if (hash >= 0) {
                    fragment = location.substring(hash + 1);
                    location = location.substring(0, hash);
                }
                location = uri.resolve(location).toString();
            }
            return new Hop(uri, response.statusCode(), location, fragment, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens {@code url} and follows every redirect, as a browser would; returns every hop. */
    List<Hop> browse(String url) {
        List<Hop> hops = new ArrayList<>();
        Hop hop = open(url);
        hops.add(hop);
        while (hop.status() == 302 && hops.size() < 10) {
            hop = open(hop.location());
            hops.add(hop);
        }
        return hops;
    }

    static Map<String, String> queryOf(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** The parameters of the page the browser ended on, checked to be the connect result page. */
    Map<String, String> ending(List<Hop> hops) {
        Hop last = hops.get(hops.size() - 1);
        assertThat(last.status()).as("%s", hops).isEqualTo(200);
        assertThat(last.uri().getPath()).isEqualTo("/connect/done");
        for (Hop hop : hops) {
            for (String secret : SECRETS) {
                assertThat(String.valueOf(hop.location())).doesNotContain(secret);
            }
        }
        return queryOf(last.uri());
    }

    void assertFailed(List<Hop> hops, ConnectError error) {
        Map<String, String> result = ending(hops);
        assertThat(result).containsEntry("error", error.wireName()).containsEntry("message", error.message())
                .doesNotContainKey("connected");
        assertThat(hops.get(hops.size() - 1).body()).contains(error.wireName());
    }

    /** A form POST; returns the HTTP status. */
    int postForm(String url, Map<String, String> form) {
        try {
            return browser.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(MetaTransport.form(form))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Post publishAndWait(String account) {
        String id = posts.insert(new NewPost(account, PostKind.FEED, "Connected " + marker,
                List.of(new MediaItem(mediaUrl("ok.jpg"), MediaType.IMAGE, "alt")), PostOptions.NONE, "test", null, null));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> posts.find(id).orElseThrow().status(), s -> s == PostStatus.PUBLISHED || s == PostStatus.FAILED
                        || s == PostStatus.NEEDS_REAUTH);
        return posts.find(id).orElseThrow();
    }
}
