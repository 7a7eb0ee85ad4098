package io.feedgram.connect;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.feedgram.graph.Login;

/**
 * The {@code state} of a connect flow: account, login, nonce and expiry, signed so that a
 * callback can trust it without a session. Text form: {@code base64url(payload).signature}.
 */
record SignedState(String accountId, Login login, String nonce, Instant expiresAt) {

    /** Signs and renders the state with {@code signer} (HMAC). */
    String render(Signer signer) {
        String payload = accountId + "|" + login.name() + "|" + nonce + "|" + expiresAt.getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + signer.sign(payload);
    }

    /** The state in {@code text} when its signature holds; empty for anything forged, truncated or garbled. */
    static Optional<SignedState> parse(String text, Signer signer) {
        if (text == null) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(text.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!signer.verify(payload, text.substring(dot + 1))) {
            return Optional.empty();
        }
        String[] fields = payload.split("\\|");
        if (fields.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SignedState(fields[0], Login.valueOf(fields[1]), fields[2],
                    Instant.ofEpochSecond(Long.parseLong(fields[3]))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The HMAC that signs states ({@code TokenCipher} in the application). */
    interface Signer {
        String sign(String data);

        boolean verify(String data, String signature);
    }
}
