package io.feedgram.conversation;

/** What Feedgram sends. */
public enum ReplyKind {
    /** A direct message in a conversation, inside the 24-hour window. */
    MESSAGE,
    /** The one direct message answering a comment, within 7 days of it. */
    PRIVATE_REPLY,
    /** A public reply under a comment. */
    COMMENT_REPLY;

    /** Direct messages count against the account's sending pace; public replies do not. */
    boolean isDirectMessage() {
        return this != COMMENT_REPLY;
    }
}
