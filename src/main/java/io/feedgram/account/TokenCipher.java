package io.feedgram.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.feedgram.system.StartupRefusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts tokens and app secrets at rest with AES-256-GCM (a random 96-bit nonce per value,
 * stored with it), and signs short values (the connect flow's {@code state}) with an
 * HMAC-SHA256 key derived from the same secret. Never prints the key.
 */
@Component
public class TokenCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec signingKey;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(SecurityProperties properties, @Value("${feedgram.sandbox.enabled:false}") boolean demo) {
        byte[] key = key(properties, demo);
        this.encryptionKey = new SecretKeySpec(key, "AES");
        this.signingKey = new SecretKeySpec(derive(key, "feedgram-signing"), "HmacSHA256");
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("a stored secret is not in the expected format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted: is feedgram.security.encryption-key the key it was written with?");
        }
    }

    public String sign(String data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(data));
    }

    public boolean verify(String data, String signature) {
        try {
            return signature != null && MessageDigest.isEqual(mac(data), Base64.getUrlDecoder().decode(signature));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signingKey);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] key(SecurityProperties properties, boolean demo) {
        if (properties.encryptionKey() != null && !properties.encryptionKey().isBlank()) {
            return decodeKey(properties.encryptionKey(), "feedgram.security.encryption-key");
        }
        if (!demo) {
            throw new StartupRefusal("feedgram.security.encryption-key is not set: tokens are encrypted with it, and "
                    + "only a sandbox run may generate one by itself.",
                    "Set feedgram.security.encryption-key (or FEEDGRAM_SECURITY_ENCRYPTION_KEY) to a base64 256-bit key, "
                    + "e.g. from 'openssl rand -base64 32'.");
        }
        try {
            if (Files.exists(properties.keyFile())) {
                return decodeKey(Files.readString(properties.keyFile()).trim(), properties.keyFile().toString());
            }
            byte[] generated = new byte[32];
            random.nextBytes(generated);
            Files.createDirectories(properties.keyFile().toAbsolutePath().getParent());
            createOwnerOnly(properties.keyFile());
            Files.writeString(properties.keyFile(), Base64.getEncoder().encodeToString(generated));
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("the demo encryption key cannot be kept in " + properties.keyFile(), e);
        }
    }

    /** The key file is readable by its owner only (0600) where the file system has POSIX permissions. */
    private static void createOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static byte[] decodeKey(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(where + " must be 256 bits (32 bytes), not " + key.length * 8);
        }
        return key;
    }
}
