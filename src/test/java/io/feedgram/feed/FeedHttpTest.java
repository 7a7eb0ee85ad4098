package io.feedgram.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.feedgram.system.PrivateAddressGuard;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class FeedHttpTest {

    private static FeedHttp reader(DataSize max, Duration deadline) {
        return new FeedHttp(new FeedsProperties(List.of(),
                new FeedsProperties.Fetch(max, "Feedgram/test", Duration.ofSeconds(5), deadline, Duration.ofMinutes(2), List.of())),
                new PrivateAddressGuard(false, List.of()));
    }

    @Test
    void readsABodyWithinItsLimitsInItsCharset() throws Exception {
        byte[] body = "<rss>café</rss>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(reader(DataSize.ofMegabytes(1), Duration.ofSeconds(60))
                .read(new ByteArrayInputStream(body), null, "text/xml; charset=ISO-8859-1")).isEqualTo("<rss>café</rss>");
    }

    @Test
    void aByteOrderMarkOutranksTheHttpCharsetAndIsDropped() throws Exception {
        byte[] utf16 = "\uFEFF<rss>café</rss>".getBytes(StandardCharsets.UTF_16LE);
        assertThat(reader(DataSize.ofMegabytes(1), Duration.ofSeconds(60))
                .read(new ByteArrayInputStream(utf16), null, "text/xml; charset=ISO-8859-1")).isEqualTo("<rss>café</rss>");
    }

    @Test
    void aCharsetThatCannotDecodeTheBodyGivesWayToTheXmlDeclaration() throws Exception {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>café</rss>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(reader(DataSize.ofMegabytes(1), Duration.ofSeconds(60))
                .read(new ByteArrayInputStream(latin1), null, "text/xml; charset=UTF-8")).endsWith("<rss>café</rss>");
    }

    @Test
    void refusesABodyOverTheLimitAnnouncedOrNot() {
        FeedHttp small = reader(DataSize.ofKilobytes(1), Duration.ofSeconds(60));
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(new byte[10]), "5000000", null))
                .hasMessageContaining("larger than");
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(new byte[4096]), null, null))
                .isInstanceOf(FeedHttp.FeedTooLargeException.class);
    }

    @Test
    void aDownloadPastItsDeadlineIsAbandoned() {
        FeedHttp impatient = reader(DataSize.ofMegabytes(1), Duration.ZERO);
        assertThatThrownBy(() -> impatient.read(new ByteArrayInputStream(new byte[20_000]), null, null))
                .isInstanceOf(FeedHttp.FeedTooSlowException.class).hasMessageContaining("took longer than 0 s");
    }
}
