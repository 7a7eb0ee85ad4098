package io.feedgram.media;

/** A video's container; Instagram takes MP4 and MOV only (docs/instagram.md, "Media"). */
public enum VideoContainer {
    MP4("MP4"), MOV("MOV"), WEBM("WebM"), MATROSKA("Matroska"), UNKNOWN("unknown");

    private final String label;

    VideoContainer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
