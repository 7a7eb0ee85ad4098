package io.feedgram.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts calls over a rolling hour to fill the rate-limit headers (docs/instagram.md#rate-limits) with
 * plausible percentages: the app's share of a nominal hourly budget, and each IG user's.
 */
@SandboxBean
final class UsageMeter {

    private static final Duration WINDOW = Duration.ofHours(1);
    /** Calls per hour that read as 100%; high enough that ordinary test traffic never looks throttled. */
    private static final int NOMINAL_CALLS_PER_HOUR = 4800;
    private static final String APP = "";

    private final Map<String, Deque<Instant>> calls = new HashMap<>();

    synchronized void record(String igUserId, Instant now) {
        add(APP, now);
        if (igUserId != null) {
            add(igUserId, now);
        }
    }

    synchronized int appPercent(Instant now) {
        return percent(APP, now);
    }

    synchronized int accountPercent(String igUserId, Instant now) {
        return percent(igUserId, now);
    }

    synchronized void clear() {
        calls.clear();
    }

    private void add(String key, Instant now) {
        calls.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    }

    private int percent(String key, Instant now) {
        Deque<Instant> recent = calls.getOrDefault(key, new ArrayDeque<>());
        Instant windowStart = now.minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(windowStart)) {
            recent.removeFirst();
        }
        return Math.min(100, (int) Math.ceil(recent.size() * 100.0 / NOMINAL_CALLS_PER_HOUR));
    }
}
