package io.feedgram.connect;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.connect.*}: how a connect flow ends and how long it may take. The login pages it
 * sends the browser to are {@link io.feedgram.graph.MetaLoginUrls}, under the same prefix.
 *
 * @param successUrl where the browser ends, with {@code connected=true&username=...} or {@code error=...}
 * @param stateTtl   how long a started flow may take
 */
@ConfigurationProperties("feedgram.connect")
public record ConnectProperties(
        @DefaultValue("/connect/done") String successUrl,
        @DefaultValue("15m") Duration stateTtl) {
}
