package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The matcher behind {@code feedgram.sandbox.control-from}. */
class AddressAllowListTest {

    private static final Map<String, AddressAllowList> LISTS = Map.of(
            "default", new AddressAllowList(List.of("127.0.0.0/8", "::1")),
            "mixed", new AddressAllowList(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8", "172.16.0.0/12", "localhost")));

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource({
            "default, 127.0.0.1, true",
            "default, 127.255.0.9, true",
            "default, ::1, true",
            "default, 0:0:0:0:0:0:0:1, true",
            "default, ::ffff:127.0.0.1, true",
            "default, 128.0.0.1, false",
            "default, 10.0.0.1, false",
            "default, ::2, false",
            "default, fe80::1, false",
            "default, localhost, false",
            "default, '', false",
            "mixed, 10.200.3.4, true",
            "mixed, 11.0.0.1, false",
            "mixed, 192.168.1.7, true",
            "mixed, 192.168.1.8, false",
            "mixed, fd12:3456::1, true",
            "mixed, fe00::1, false",
            "mixed, 172.31.255.255, true",
            "mixed, 172.32.0.0, false",
            "mixed, 127.0.0.1, true",
    })
    void addressesRangesAndHostNames(String list, String address, boolean allowed) {
        assertThat(LISTS.get(list).allows(address)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "::/129", "300.1.1.1", "example.com/8", " "})
    void aBadEntryStopsStartUp(String entry) {
        assertThatThrownBy(() -> new AddressAllowList(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feedgram.sandbox.control-from");
    }
}
