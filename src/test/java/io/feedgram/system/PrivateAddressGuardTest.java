package io.feedgram.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PrivateAddressGuardTest {

    private static final PrivateAddressGuard STRICT = new PrivateAddressGuard(false, List.of());
    private static final PrivateAddressGuard SANDBOX = new PrivateAddressGuard(true, List.of());

    /** Each URL, what it resolves to, and what the guard makes of it without and with the sandbox. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "http://127.0.0.1/feed,           127.0.0.1,       LOOPBACK,    allowed",
            "http://127.9.9.9:8080/feed,      127.9.9.9,       LOOPBACK,    allowed",
            "http://localhost/feed,           ,                LOOPBACK,    allowed",
            "http://[::1]/feed,               0:0:0:0:0:0:0:1, LOOPBACK,    allowed",
            "http://[::ffff:127.0.0.1]/feed,  127.0.0.1,       LOOPBACK,    allowed",
            "http://[::ffff:a9fe:a9fe]/feed,  169.254.169.254, LINK_LOCAL,  refused",
            "http://169.254.169.254/latest,   169.254.169.254, LINK_LOCAL,  refused",
            "http://[fe80::1]/feed,           fe80:0:0:0:0:0:0:1, LINK_LOCAL, refused",
            "http://10.1.2.3/feed,            10.1.2.3,        PRIVATE,     allowed",
            "http://172.16.0.1/feed,          172.16.0.1,      PRIVATE,     allowed",
            "http://172.31.255.255/feed,      172.31.255.255,  PRIVATE,     allowed",
            "http://192.168.1.1/feed,         192.168.1.1,     PRIVATE,     allowed",
            "http://[fc00::1]/feed,           fc00:0:0:0:0:0:0:1, PRIVATE,  allowed",
            "http://[fd12:3456::1]/feed,      fd12:3456:0:0:0:0:0:1, PRIVATE, allowed",
            "http://0.0.0.0/feed,             0.0.0.0,         UNSPECIFIED, allowed",
    })
    void privateAddressesAreRefusedAndTheSandboxAllowsAllButLinkLocal(String url, String address,
            PrivateAddressGuard.Kind kind, String withSandbox) {
        PrivateAddressGuard.Refusal refusal = STRICT.refusal(URI.create(url)).orElseThrow();
        assertThat(refusal.kind()).isEqualTo(kind);
        if (address != null) {
            assertThat(refusal.address().getHostAddress()).isEqualTo(address);
        }
        assertThat(SANDBOX.refusal(URI.create(url))).as("with the sandbox on").matches(r -> r.isPresent() == withSandbox.equals("refused"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"http://8.8.8.8/feed", "http://172.32.0.1/feed", "http://172.15.255.255/feed", "http://169.253.0.1/feed",
            "http://[2001:4860:4860::8888]/feed", "http://[::ffff:8.8.8.8]/feed", "http://[fe00::1]/feed",
            "http://no-such-host.invalid/feed"})
    void publicAndUnresolvableHostsAreNotRefused(String url) {
        assertThat(STRICT.refusal(URI.create(url))).isEmpty();
    }

    @Test
    void theAllowListTakesHostNamesAndCidrRanges() {
        PrivateAddressGuard guard = new PrivateAddressGuard(false, List.of("LocalHost", "10.1.0.0/16", "169.254.169.254", "fd00::/8"));
        assertThat(guard.refusal(URI.create("http://localhost:8080/feed"))).as("listed by name").isEmpty();
        assertThat(guard.refusal(URI.create("http://10.1.200.3/feed"))).as("in a listed range").isEmpty();
        assertThat(guard.refusal(URI.create("http://10.2.0.1/feed"))).as("outside the range").isPresent();
        assertThat(guard.refusal(URI.create("http://169.254.169.254/feed"))).as("link-local, listed").isEmpty();
        assertThat(guard.refusal(URI.create("http://169.254.169.253/feed"))).isPresent();
        assertThat(guard.refusal(URI.create("http://[fd00::5]/feed"))).isEmpty();
        assertThat(guard.refusal(URI.create("http://127.0.0.1/feed"))).as("the name is listed, not its address").isPresent();
        assertThat(new PrivateAddressGuard(true, List.of("169.254.0.0/16")).refusal(URI.create("http://169.254.1.1/")))
                .as("link-local with the sandbox, listed").isEmpty();
    }

    @Test
    void checkThrowsTheSentenceForAPerson() {
        assertThatThrownBy(() -> STRICT.check(URI.create("http://169.254.169.254/latest/meta-data/"), "the feed URL"))
                .isInstanceOf(PrivateAddressGuard.RefusedException.class)
                .hasMessage("the feed URL resolves to 169.254.169.254, a link-local address; "
                        + "Feedgram does not fetch private addresses (feedgram.fetch.allowed-private-hosts)");
    }

    @Test
    void anAllowListEntryThatIsNeitherAHostNorARangeIsRefusedAtOnce() {
        assertThatThrownBy(() -> new PrivateAddressGuard(false, List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/33");
    }
}
