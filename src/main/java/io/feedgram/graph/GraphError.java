package io.feedgram.graph;

/**
 * The Graph error envelope (docs/instagram.md#errors). Only {@code code} and {@code message} are
 * always present; decisions use code and subcode, never the message text.
 */
public record GraphError(
        int code,
        Integer subcode,
        String type,
        String message,
        String userTitle,
        String userMessage,
        String fbtraceId) {

    /** A sentence for a person: Instagram's user-facing text when it gave one. */
    public String describe() {
        String text = userMessage != null && !userMessage.isBlank() ? userMessage : message;
        String title = userTitle != null && !userTitle.isBlank() ? userTitle + ": " : "";
        return "Instagram error " + code + (subcode == null ? "" : "/" + subcode) + ": " + title + text;
    }
}
