package io.feedgram.post;

import static io.feedgram.post.PostStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PostStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "QUEUED, CONTAINERS_CREATED", "CONTAINERS_CREATED, READY", "READY, PUBLISHED",
            "CONTAINERS_CREATED, QUEUED",      // a dead container is created again
            "READY, CONTAINERS_CREATED",       // Instagram said "not ready"
            "READY, UNCONFIRMED", "UNCONFIRMED, PUBLISHED", "UNCONFIRMED, READY",
            "READY, DEFERRED", "DEFERRED, READY", "QUEUED, NEEDS_REAUTH", "NEEDS_REAUTH, CONTAINERS_CREATED",
            "QUEUED, SKIPPED", "QUEUED, CANCELLED", "FAILED, QUEUED"})
    void allowsTheMovesOfTheLifecycle(PostStatus from, PostStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @CsvSource({
            "QUEUED, PUBLISHED", "QUEUED, READY", "CONTAINERS_CREATED, PUBLISHED",
            "PUBLISHED, QUEUED", "PUBLISHED, FAILED", "CANCELLED, QUEUED", "SKIPPED, QUEUED",
            "READY, CANCELLED",                // publishing may have started
            "UNCONFIRMED, CANCELLED", "FAILED, PUBLISHED", "DEFERRED, PUBLISHED"})
    void refusesShortcutsAndMovesOutOfTheEnd(PostStatus from, PostStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @Test
    void onlyPublishingStatesAreActive() {
        assertThat(ACTIVE).containsExactlyInAnyOrder(QUEUED, CONTAINERS_CREATED, READY, DEFERRED, UNCONFIRMED);
    }

    @ParameterizedTest
    @EnumSource(value = PostStatus.class, names = {"PUBLISHED", "SKIPPED", "CANCELLED"})
    void finishedPostsGoNowhere(PostStatus done) {
        assertThat(EnumSet.allOf(PostStatus.class)).noneMatch(done::canMoveTo);
        assertThat(done.isTerminal()).isTrue();
    }
}
