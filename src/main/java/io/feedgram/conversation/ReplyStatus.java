package io.feedgram.conversation;

/** Where a reply stands. */
public enum ReplyStatus {
    /** Waiting to be sent (also when paced or after Instagram refused it for now). */
    QUEUED,
    /** Recorded before the call; until Instagram's answer is recorded it may or may not have been sent, so it is read back, never sent blindly again. */
    SENDING,
    /** Instagram has it: {@code instagram_id} is its message or comment id. */
    SENT,
    /** Refused for good, with the reason. */
    FAILED
}
