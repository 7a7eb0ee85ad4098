package io.feedgram.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnsAndSha256Test {

    @Test
    void fitsATextToItsColumnWithAnEllipsis() {
        assertThat(Columns.fit(null, 5)).isNull();
        assertThat(Columns.fit("abcde", 5)).isEqualTo("abcde");
        assertThat(Columns.fit("abcdef", 5)).isEqualTo("abcd…").hasSize(5);
    }

    @Test
    void hashesUtf8TextToLowerCaseHex() {
        // FIPS 180-2 test vector
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
