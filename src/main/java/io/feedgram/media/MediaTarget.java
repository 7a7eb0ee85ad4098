package io.feedgram.media;

/** Where on Instagram a media item goes; each has its own rules ({@link MediaRules#of}). */
public enum MediaTarget {
    FEED_IMAGE("feed images"),
    CAROUSEL_CHILD("carousel images"),
    STORY_IMAGE("story images"),
    REEL_VIDEO("reels"),
    STORY_VIDEO("story videos"),
    CAROUSEL_VIDEO("carousel videos"),
    REEL_COVER("reel covers");

    private final String noun;

    MediaTarget(String noun) {
        this.noun = noun;
    }

    /** The target in a refusal's words: "reels need at least 3 s". */
    public String noun() {
        return noun;
    }
}
