package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The sandbox fetches a container's media URL within bounds: what it refuses, and where it stops reading. */
class MediaFetcherTest extends SandboxTestSupport {

    private static final long ONE_MIB = 1 << 20;

    @Autowired
    MediaFetcher fetcher;

    @Autowired
    TestMediaController testMedia;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file:///etc/passwd", "jar:file:/tmp/x.jar!/a.jpg", "ftp://localhost/a.jpg", "gopher://localhost:70/",
            "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/a.jpg", "http://[::ffff:169.254.169.254]/a.jpg",
            "http:/a.jpg"})
    void refusesOtherSchemesAndLinkLocalAddresses(String url) {
        assertThat(fetcher.download(url, ONE_MIB, 16).outcome()).isEqualTo(MediaDownload.Outcome.REFUSED);
    }

    @Test
    void followsAFewRedirectsCheckingEveryHop() {
        MediaDownload moved = fetcher.download(media("moved.jpg"), ONE_MIB, (int) ONE_MIB);
        assertThat(moved.outcome()).isEqualTo(MediaDownload.Outcome.OK);
        assertThat(moved.kept()).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(fetcher.download(media("metadata.jpg"), ONE_MIB, 16).outcome()).isEqualTo(MediaDownload.Outcome.REFUSED);
        assertThat(fetcher.download(media("loop.jpg"), ONE_MIB, 16).outcome()).isEqualTo(MediaDownload.Outcome.REFUSED);
    }

    @Test
    void stopsReadingOneBytePastTheLimit() {
        MediaDownload endless = fetcher.download(media("endless.jpg"), ONE_MIB, 16);
        assertThat(endless.outcome()).isEqualTo(MediaDownload.Outcome.TOO_LARGE);
        await().atMost(Duration.ofSeconds(20)).until(testMedia.endlessEnded::get);
        assertThat(testMedia.endlessWritten.get()).as("the host stopped when the fetcher hung up").isLessThan(64 * ONE_MIB);
    }

    @Test
    void aRefusedUrlIsTheGraphErrorForMediaThatCannotBeFetched() {
        assertGraphError(createA("image_url", "file:///etc/passwd"), 400, 9004, 2207052);
        assertGraphError(createA("image_url", media("metadata.jpg")), 400, 9004, 2207052);
        assertGraphError(createA("image_url", media("endless.jpg")), 400, 36000, 2207004);
    }
}
