package io.feedgram.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Knobs of the Graph API sandbox ({@code feedgram.sandbox.*}). Values Meta documents
 * inconsistently (quota total, quota shape, hashtag cap) are knobs rather than constants,
 * as graph-api.md §13/§14 asks.
 */
@ConfigurationProperties("feedgram.sandbox")
public record SandboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue ProcessingDelay processingDelay,
        @DefaultValue("24h") Duration containerTtl,
        @DefaultValue("100") int quotaTotal,
        @DefaultValue("24h") Duration quotaWindow,
        @DefaultValue("wrapped") QuotaShape quotaShape,
        @DefaultValue("8388608") long maxImageBytes,
        @DefaultValue("300000000") long maxVideoBytes,
        @DefaultValue("25") int pageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("30") int maxHashtags,
        @DefaultValue("true") boolean fetchMedia) {

    /** How long a container stays IN_PROGRESS, per kind, on the sandbox clock. */
    public record ProcessingDelay(
            @DefaultValue("1s") Duration image,
            @DefaultValue("3s") Duration video,
            @DefaultValue("1s") Duration carousel) {
    }

    /** Documented {@code {"data":[{...}]}} or the flat shape measured in the field (graph-api.md §6). */
    public enum QuotaShape {
        WRAPPED, FLAT;

        @JsonCreator
        static QuotaShape parse(String value) {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }

        @JsonValue
        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
