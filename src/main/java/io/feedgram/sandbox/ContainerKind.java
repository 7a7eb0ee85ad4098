package io.feedgram.sandbox;

/** What a container will become once published, and how it reads back (docs/instagram.md#container-kinds and #reading-media). */
enum ContainerKind {
    IMAGE("FEED"),
    /** A video carousel child: the only place {@code media_type=VIDEO} is still accepted. */
    CAROUSEL_VIDEO("FEED"),
    REELS("REELS"),
    STORIES("STORY"),
    CAROUSEL("FEED");

    private final String mediaProductType;

    ContainerKind(String mediaProductType) {
        this.mediaProductType = mediaProductType;
    }

    String mediaProductType() {
        return mediaProductType;
    }

    /** Reels read back as VIDEO, carousels as CAROUSEL_ALBUM, stories as what they carry. */
    String mediaType(boolean video) {
        return switch (this) {
            case CAROUSEL -> "CAROUSEL_ALBUM";
            case REELS, CAROUSEL_VIDEO -> "VIDEO";
            case IMAGE -> "IMAGE";
            case STORIES -> video ? "VIDEO" : "IMAGE";
        };
    }
}
