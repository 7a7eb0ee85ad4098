package io.feedgram.api;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code feedgram.api.*}: who may call the REST API under /api/v1, and how much of a request it reads.
 *
 * @param keys        API keys, sent as {@code Authorization: Bearer <key>}; none: every call answers 401
 *                    ({@code feedgram.inbox.api-keys}, a deprecated alias, adds to them)
 * @param maxBodySize the largest request body read; a bigger one answers 413
 * @param bodyTimeout the longest a client may take to send its whole body; a slower one answers 408
 */
@ConfigurationProperties("feedgram.api")
public record ApiProperties(
        List<String> keys,
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("10s") Duration bodyTimeout) {

    public ApiProperties {
        keys = keys == null ? List.of() : keys.stream().filter(k -> k != null && !k.isBlank()).toList();
    }
}
