package io.feedgram.api;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code feedgram.inbox.*}, kept so that configurations written before {@code feedgram.api.*}
 * still work.
 *
 * @param apiKeys deprecated: use {@code feedgram.api.keys}
 */
@ConfigurationProperties("feedgram.inbox")
record LegacyInboxProperties(@Deprecated List<String> apiKeys) {
}
