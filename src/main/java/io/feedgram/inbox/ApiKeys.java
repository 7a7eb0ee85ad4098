package io.feedgram.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Checks {@code Authorization: Bearer <key>} against {@code feedgram.inbox.api-keys}, for any
 * API route: {@code setVariable: {name: apiKey, method: {ref: apiKeys, method: authenticate}}}.
 * Keys are compared in constant time and never logged or echoed.
 */
@Component("apiKeys")
public class ApiKeys {

    private static final String BEARER = "bearer ";

    private final List<byte[]> keys;

    public ApiKeys(InboxProperties properties) {
        this.keys = properties.apiKeys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
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
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] candidate : keys) {
            known |= MessageDigest.isEqual(candidate, given);
        }
        if (!known) {
            throw ApiProblem.unauthorized("The API key is not valid.");
        }
        return key;
    }
}
