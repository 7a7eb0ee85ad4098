package io.feedgram.account;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.security.*}: the base64 256-bit key that encrypts tokens and app secrets at
 * rest (also read from {@code FEEDGRAM_SECURITY_ENCRYPTION_KEY}). Without one, a demo run
 * (sandbox on) generates and keeps a key in {@code key-file}; any other run refuses to start.
 *
 * @param encryptionKey the base64 256-bit key that encrypts tokens and app secrets at rest
 * @param keyFile       where a demo run keeps the key it generated when none is set
 */
@ConfigurationProperties("feedgram.security")
public record SecurityProperties(String encryptionKey, @DefaultValue("./data/encryption.key") Path keyFile) {

    @Override
    public String toString() {
        return "SecurityProperties[encryptionKey=" + (encryptionKey == null ? "none" : "***") + ", keyFile=" + keyFile + "]";
    }
}
