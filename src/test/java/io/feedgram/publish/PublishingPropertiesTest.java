package io.feedgram.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PublishingPropertiesTest {

    /** The shipped defaults with {@code policy}: initial guess 2 s, fixed interval 3 s, cap 30 s. */
    static PublishingProperties settings(PublishingProperties.PollPolicy policy) {
        return new PublishingProperties(true, Duration.ofSeconds(60), true, 64, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(15), Duration.ofSeconds(20), policy, Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(15), 2, Duration.ofSeconds(5),
                Duration.ofMinutes(10), 8, Duration.ofMinutes(15), 10, Duration.ofHours(1), Duration.ofHours(6),
                Duration.ofMinutes(1));
    }

    @Test
    void retriesBackOffExponentiallyToTheCap() {
        PublishingProperties settings = settings(PublishingProperties.PollPolicy.ADAPTIVE);
        assertThat(settings.retryDelay(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.retryDelay(1000)).isEqualTo(Duration.ofMinutes(10));
    }
}
