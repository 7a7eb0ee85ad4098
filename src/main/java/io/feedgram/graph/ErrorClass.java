package io.feedgram.graph;

/** What to do about an Instagram error (docs/instagram.md#error-codes). */
public enum ErrorClass {
    /** Server-side hiccup: back off and try again. */
    TRANSIENT,
    /** Too many calls: wait for the time Instagram gives, then go on. */
    RATE_LIMITED,
    /** The container is gone, expired or broken: create it again (bounded). */
    RECREATE_CONTAINER,
    /** The container is still processing: poll, then publish. */
    NOT_READY,
    /** Instagram could not fetch the media: often flaky on its side, so one more try. */
    RETRY_ONCE,
    /** The publishing quota is used up: wait for the rolling window. */
    QUOTA_EXHAUSTED,
    /** The request itself is wrong (caption, media, parameters): fail with the reason. */
    FIX_INPUT,
    /** The account is restricted or blocked: pause it. */
    ACCOUNT_BLOCKED,
    /** The token is dead or lacks permission: the account needs re-authorization. */
    AUTH,
    /** The object cannot be read right now (100/33); seen during Meta outages on fresh containers. */
    UNREADABLE
}
