package io.feedgram.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks {@code Authorization: Bearer <key>} against {@code feedgram.api.keys}. {@link ApiGate}
 * calls it for every API request before the body is read; routes that need the caller's key (to
 * scope an Idempotency-Key) read it with {@code method: {ref: apiKeys, method: authenticate}}.
 * Keys are compared in constant time and never logged or echoed.
 */
@Component
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final String BEARER = "bearer ";

    private final List<byte[]> keys;

    ApiKeys(ApiProperties properties, LegacyInboxProperties legacy) {
        List<String> configured = new ArrayList<>(properties.keys());
        if (legacy.apiKeys() != null && !legacy.apiKeys().isEmpty()) {
            log.warn("feedgram.inbox.api-keys is deprecated: move its keys to feedgram.api.keys");
            legacy.apiKeys().stream().filter(k -> k != null && !k.isBlank()).forEach(configured::add);
        }
        this.keys = configured.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The caller's API key; a 401 {@link ApiProblem} when it is missing or unknown. */
    public String authenticate(@Header("Authorization") String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiProblem.unauthorized("Send an API key as 'Authorization: Bearer <key>'.");
        }
        if (authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiProblem.unauthorized("The Authorization header must use the Bearer scheme.");
        }
        String key = authorization.substring(BEARER.length()).trim();
        if (!accepts(key)) {
            throw ApiProblem.unauthorized("The API key is not valid.");
        }
        return key;
    }

    /** Whether {@code key} is one of the configured keys (the dashboard's sign-in takes the same keys). */
    public boolean accepts(String key) {
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] candidate : keys) {
            known |= MessageDigest.isEqual(candidate, given);
        }
        return known;
    }
}
