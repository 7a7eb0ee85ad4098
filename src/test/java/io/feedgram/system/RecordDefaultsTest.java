package io.feedgram.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The records' own defaults are what the routes' placeholders see when nothing is configured. */
class RecordDefaultsTest {

    @Test
    void everyRouteSettingHasItsRecordDefault() {
        Map<String, Object> defaults = RecordDefaults.defaults();

        assertThat(defaults).containsEntry("feedgram.publishing.enabled", "true")
                .containsEntry("feedgram.publishing.idle-check", "1000")
                .containsEntry("feedgram.fetch.check", "5000")
                .containsEntry("feedgram.tokens.refresh-cron", "0 0 3 * * ?")
                .containsEntry("feedgram.tokens.retries", "3")
                .containsEntry("feedgram.tokens.retry-delay", "60000")
                .containsEntry("feedgram.api.max-body-size", String.valueOf(256 * 1024))
                .containsEntry("feedgram.sandbox.processing-delay.video", "3000");
        assertThat(defaults).doesNotContainKeys("feedgram.accounts", "feedgram.feeds", "feedgram.api.keys",
                "feedgram.security.encryption-key");
    }
}
