package io.feedgram.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Publishes per IG user over a rolling window (docs/instagram.md#quota: a rolling 24-hour window). */
@SandboxBean
final class PublishingQuota {

    private final Map<String, Deque<Instant>> publishes = new HashMap<>();
    private final SandboxSettings settings;

    PublishingQuota(SandboxSettings settings) {
        this.settings = settings;
    }

    /** Publishes within the window ending {@code now}, and at or after {@code since} when given. */
    synchronized int usage(String igUserId, Instant now, Instant since) {
        Instant windowStart = now.minus(settings.current().quotaWindow());
        return (int) publishes.getOrDefault(igUserId, new ArrayDeque<>()).stream()
                .filter(at -> at.isAfter(windowStart) && !at.isAfter(now))
                .filter(at -> since == null || !at.isBefore(since))
                .count();
    }

    synchronized boolean full(String igUserId, Instant now) {
        return usage(igUserId, now, null) >= settings.current().quotaTotal();
    }

    synchronized void record(String igUserId, Instant at) {
        publishes.computeIfAbsent(igUserId, id -> new ArrayDeque<>()).addLast(at);
    }

    synchronized void clear() {
        publishes.clear();
    }
}
