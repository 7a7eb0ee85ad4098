package io.feedgram.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherTest {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String OTHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    @TempDir
    Path dir;

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        TokenCipher cipher = new TokenCipher(new SecurityProperties(KEY, dir.resolve("k")), false);
        String first = cipher.encrypt("IGAA-secret-token");
        String second = cipher.encrypt("IGAA-secret-token");
        assertThat(first).startsWith("v1:").doesNotContain("IGAA").isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("IGAA-secret-token");
        assertThat(cipher.encrypt(null)).isNull();
    }

    @Test
    void anotherKeyOrATamperedValueCannotBeRead() {
        String sealed = new TokenCipher(new SecurityProperties(KEY, dir.resolve("k")), false).encrypt("IGAA-secret-token");
        TokenCipher other = new TokenCipher(new SecurityProperties(OTHER_KEY, dir.resolve("k")), false);
        assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("cannot be decrypted")
                .hasMessageNotContaining("IGAA");
        TokenCipher same = new TokenCipher(new SecurityProperties(KEY, dir.resolve("k")), false);
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> same.decrypt(tampered)).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void signaturesVerifyOnlyTheirOwnData() {
        TokenCipher cipher = new TokenCipher(new SecurityProperties(KEY, dir.resolve("k")), false);
        String signature = cipher.sign("account=demo|nonce=1");
        assertThat(cipher.verify("account=demo|nonce=1", signature)).isTrue();
        assertThat(cipher.verify("account=evil|nonce=1", signature)).isFalse();
        assertThat(cipher.verify("account=demo|nonce=1", "not-base64!")).isFalse();
    }

    @Test
    void withoutAKeyOnlyTheDemoStartsAndKeepsTheKeyItGenerated() throws Exception {
        Path keyFile = dir.resolve("data/encryption.key");
        assertThatThrownBy(() -> new TokenCipher(new SecurityProperties(null, keyFile), false))
                .hasMessageContaining("feedgram.security.encryption-key");

        String sealed = new TokenCipher(new SecurityProperties(null, keyFile), true).encrypt("IGAA-kept");
        assertThat(Files.readString(keyFile)).hasSize(44);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(new TokenCipher(new SecurityProperties(null, keyFile), true).decrypt(sealed)).isEqualTo("IGAA-kept");
        assertThatThrownBy(() -> new TokenCipher(new SecurityProperties("c2hvcnQ=", keyFile), false))
                .hasMessageContaining("256 bits");
    }
}
