package io.feedgram.media;

import java.util.List;

/** What to do with one media item for one target. */
public sealed interface MediaDecision {

    /** Instagram takes the original as it is: its URL is sent, nothing is copied. */
    record PassThrough(String url) implements MediaDecision {
    }

    /**
     * The original needs changes before Instagram takes it.
     *
     * @param ratio the output's width / height; null for a transcode, which keeps the video's shape
     */
    record Normalise(String url, MediaTarget target, List<NormaliseStep> steps, Ratio ratio) implements MediaDecision {
    }

    /** The item cannot be published; {@code reason} is one sentence for the post's owner. */
    record Refuse(String reason) implements MediaDecision {
    }
}
