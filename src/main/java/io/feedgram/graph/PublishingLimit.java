package io.feedgram.graph;

import java.time.Duration;

/** The account's publishing quota as Instagram reports it at run time (docs/instagram.md#quota). */
public record PublishingLimit(int usage, int total, Duration window) {

    public boolean isExhausted() {
        return usage >= total;
    }
}
