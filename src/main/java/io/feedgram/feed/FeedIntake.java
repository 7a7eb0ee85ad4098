package io.feedgram.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.feedgram.post.InstagramLimits;
import io.feedgram.post.MediaItem;
import io.feedgram.post.NewPost;
import io.feedgram.post.PostOptions;
import io.feedgram.post.PostRepository;
import io.feedgram.system.Columns;
import io.feedgram.system.Sha256;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Decides what each entry of a polled feed becomes (post, or skipped and why), and records
 * it. The first poll applies the feed's backfill policy so that a new feed does not flood the
 * account with its back catalogue.
 */
@Component("feedIntake")
public class FeedIntake {

    static final String NO_MEDIA = "no image or video";

    private final PostRepository posts;
    private final FeedStates states;
    private final CaptionTemplate captions;

    public FeedIntake(PostRepository posts, FeedStates states, CaptionTemplate captions) {
        this.posts = posts;
        this.states = states;
        this.captions = captions;
    }

    public List<EntryDecision> decide(FeedPoll poll, List<FeedEntry> entries) {
        FeedConfig feed = poll.feed();
        Optional<FeedEntry> newest = entries.stream().filter(e -> !e.media().isEmpty())
                .max(Comparator.comparing(e -> e.published() == null ? Instant.EPOCH : e.published()));
        List<EntryDecision> decisions = new ArrayList<>();
        for (FeedEntry entry : entries) {
            decisions.add(new EntryDecision(poll, entry, key(feed.id(), entry), skipReason(poll, entry, newest)));
        }
        return decisions;
    }

    /**
     * Records the decision: a queued post, or a skipped one with its reason. Both are idempotent
     * by key. An entry that cannot be stored is recorded as skipped with the reason, so one odd
     * entry never stops its feed.
     */
    public void accept(EntryDecision decision) {
        FeedConfig feed = decision.poll().feed();
        FeedEntry entry = decision.entry();
        NewPost post = new NewPost(feed.account(), feed.kind(), captions.render(feed.caption(), entry), storable(entry.media()),
                PostOptions.NONE.withFirstComment(feed.firstComment() == null ? null
                        : captions.render(feed.firstComment(), entry)), "feed:" + feed.id(), "feed:" + decision.key(), null);
        boolean posted = decision.posts();
        try {
            if (posted) {
                posts.insert(post);
            } else {
                posts.insertSkipped(post, decision.skipReason());
            }
        } catch (DataAccessException e) {
            posted = false;
            posts.insertSkipped(new NewPost(post.accountId(), post.kind(), null, List.of(), PostOptions.NONE,
                    post.source(), post.sourceKey(), null), "the entry could not be stored: " + e.getMostSpecificCause().getMessage());
        }
        states.countEntry(feed.id(), posted);
    }

    /** Media as the database keeps them: alt text and URLs within Instagram's limits. */
    private static List<MediaItem> storable(List<MediaItem> media) {
        return media.stream().filter(m -> m.url().length() <= InstagramLimits.MAX_URL)
                .map(m -> new MediaItem(m.url(), m.type(), Columns.fit(m.altText(), InstagramLimits.MAX_ALT_TEXT)))
                .toList();
    }

    private static String skipReason(FeedPoll poll, FeedEntry entry, Optional<FeedEntry> newest) {
        FeedConfig feed = poll.feed();
        if (entry.media().isEmpty()) {
            return NO_MEDIA;
        }
        List<String> categories = entry.categories().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        Optional<String> excluded = feed.excludeCategories().stream()
                .filter(c -> categories.contains(c.toLowerCase(Locale.ROOT))).findFirst();
        if (excluded.isPresent()) {
            return "filtered: category \"" + excluded.get() + "\" is excluded";
        }
        if (!feed.includeCategories().isEmpty() && feed.includeCategories().stream()
                .noneMatch(c -> categories.contains(c.toLowerCase(Locale.ROOT)))) {
            return "filtered: none of the categories " + feed.includeCategories();
        }
        if (poll.firstPoll() && feed.backfill() == FeedConfig.Backfill.NONE) {
            return "backfill: in the feed before its first poll (backfill: none)";
        }
        if (poll.firstPoll() && feed.backfill() == FeedConfig.Backfill.LATEST && newest.orElse(null) != entry) {
            return "backfill: only the newest entry is posted on the first poll (backfill: latest)";
        }
        return null;
    }

    /** SHA-256 of feed id and entry id: fits the idempotent repository's 100-character key, whatever the guid. */
    static String key(String feedId, FeedEntry entry) {
        return Sha256.hex(feedId + "|" + entry.key());
    }
}
