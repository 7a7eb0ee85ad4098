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

    /** The most one advance may move: a year and more, room for any token, quota or expiry scenario. */
    static final Duration MAX_ADVANCE = Duration.ofDays(400);
    /** The most the sandbox may run ahead in all, so no date it computes overflows and every call keeps working. */
    static final Duration MAX_OFFSET = Duration.ofDays(4000);

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    public Duration offset() {
        return offset.get();
    }

    /** Moves the clock forward by more than zero and at most {@link #MAX_ADVANCE}, to at most {@link #MAX_OFFSET} ahead. */
    public void advance(Duration amount) {
        if (amount.isNegative() || amount.isZero() || amount.compareTo(MAX_ADVANCE) > 0) {
            throw new IllegalArgumentException("advance must be more than zero and at most " + MAX_ADVANCE
                    + " (" + MAX_ADVANCE.toDays() + " days); the sandbox clock only moves forward");
        }
        offset.updateAndGet(current -> {
            if (current.plus(amount).compareTo(MAX_OFFSET) > 0) {
                throw new IllegalArgumentException("the sandbox clock may run at most " + MAX_OFFSET + " (" + MAX_OFFSET.toDays()
                        + " days) ahead and is " + current + " ahead; DELETE /sandbox/_clock resets it");
            }
            return current.plus(amount);
        });
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
