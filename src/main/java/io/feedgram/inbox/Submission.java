package io.feedgram.inbox;

import java.time.Instant;
import java.util.List;

import io.feedgram.post.MediaItem;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;

/** A submitted post that passed validation; the account is not yet known to exist. */
public record Submission(String account, PostKind kind, String caption, List<MediaItem> media,
                         PostOptions options, Instant publishAt) {
}
