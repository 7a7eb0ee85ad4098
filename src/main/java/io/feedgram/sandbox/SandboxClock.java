package io.feedgram.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's own "now": the system clock plus an offset that tests move forward. Real time
 * keeps flowing, so processing delays still elapse on their own. Deliberately separate from
 * the application's {@code Clock} bean: moving Instagram's time must not move Feedgram's.
 */
@SandboxBean
public final class SandboxClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    public Duration offset() {
        return offset.get();
    }

    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
