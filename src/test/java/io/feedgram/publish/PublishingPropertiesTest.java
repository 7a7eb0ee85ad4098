package io.feedgram.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PublishingPropertiesTest {

    private final PublishingProperties settings = new PublishingProperties(true, Duration.ofSeconds(60), true,
            Duration.ofSeconds(1), 10, Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(15), 2, Duration.ofSeconds(5),
            Duration.ofMinutes(10), 8, Duration.ofMinutes(15), Duration.ofHours(6), Duration.ofMinutes(1));

    @Test
    void pollsStartQuickAndSlowDownToTheCap() {
        assertThat(settings.pollDelay(0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.pollDelay(1)).isEqualTo(Duration.ofMillis(4500));
        assertThat(settings.pollDelay(20)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retriesBackOffExponentiallyToTheCap() {
        assertThat(settings.retryDelay(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.retryDelay(1000)).isEqualTo(Duration.ofMinutes(10));
    }
}
