package io.feedgram.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code feedgram.webhooks.*}: Meta's callbacks at {@code /webhooks/instagram}. Defaults are documented in
 * application.yaml.
 *
 * @param verifyToken  the token Meta's verification request must carry (the "Verify token" of the app's webhook
 *                     settings); unset, every verification is refused
 * @param maxBodySize  the largest delivery accepted; larger ones answer 413 and are not stored
 * @param tick         how often the webhooks route looks for stored deliveries to process
 * @param batchSize    the most deliveries processed in one tick
 * @param lease        how long a delivery being processed stays with the instance that took it
 * @param maxAttempts  how often a delivery that cannot be processed is tried before it is left with its error
 * @param fields       the webhook fields each account's app is subscribed to ({@code subscribed_apps}) when it is
 *                     connected or on {@code POST /api/v1/accounts/{id}/subscriptions}
 */
@ConfigurationProperties("feedgram.webhooks")
public record WebhooksProperties(
        String verifyToken,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("1s") Duration tick,
        @DefaultValue("20") int batchSize,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue({"comments", "mentions", "messages", "messaging_postbacks", "message_reactions", "messaging_seen"})
        List<String> fields) {
}
