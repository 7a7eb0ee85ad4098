package io.feedgram.feed;

import java.time.Duration;
import java.util.List;

import io.feedgram.post.PostKind;

/**
 * One feed under {@code feedgram.feeds[*]}: where it is, which account it posts to, how often
 * it is read ({@code every}, or a Spring {@code cron} expression that wins when both are set),
 * how entries become captions (and, optionally, a first comment from the same kind of template: hashtags
 * in the first comment are a common wish), and what happens to the back catalogue on the first poll.
 */
public record FeedConfig(
        String id,
        String url,
        String account,
        Duration every,
        String cron,
        String caption,
        PostKind kind,
        Backfill backfill,
        List<String> includeCategories,
        List<String> excludeCategories,
        String firstComment) {

    /** What the first poll of a feed does with the entries already in it (docs/architecture.md#no-flood). */
    public enum Backfill {
        /** Mark them seen and post nothing. */
        NONE,
        /** Post only the newest entry that has media. */
        LATEST,
        /** Post every entry that has media. */
        ALL
    }

    public FeedConfig {
        every = every == null ? Duration.ofMinutes(5) : every;
        kind = kind == null ? PostKind.FEED : kind;
        backfill = backfill == null ? Backfill.NONE : backfill;
        includeCategories = includeCategories == null ? List.of() : List.copyOf(includeCategories);
        excludeCategories = excludeCategories == null ? List.of() : List.copyOf(excludeCategories);
    }
}
