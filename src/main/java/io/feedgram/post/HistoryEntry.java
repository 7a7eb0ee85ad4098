package io.feedgram.post;

import java.time.Instant;

public record HistoryEntry(Instant at, PostStatus status, String detail) {
}
