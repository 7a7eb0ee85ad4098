package io.feedgram.webhook;

/** What a webhook event is about (docs/instagram.md#webhook-payloads). */
public enum EventType {
    /** A comment on the account's media ({@code comments}, {@code live_comments}); @mentions with Instagram Login too. */
    COMMENT,
    /** The account was @mentioned in a comment or caption ({@code mentions}, Facebook Login). */
    MENTION,
    /** A person's direct message: text, attachments, or both. */
    MESSAGE,
    /** A message the account sent (through Feedgram or not), echoed back. */
    MESSAGE_ECHO,
    /** A person unsent a message. */
    MESSAGE_DELETED,
    /** A person edited a message. */
    MESSAGE_EDIT,
    /** An icebreaker or button tapped ({@code messaging_postbacks}). */
    POSTBACK,
    /** A reaction added or removed ({@code message_reactions}). */
    REACTION,
    /** A person read a message ({@code messaging_seen}). */
    SEEN,
    /** Anything else: kept whole in {@code raw}. */
    OTHER
}
