package io.feedgram.sandbox;

/** The token lifetimes of docs/instagram.md#tokens. */
enum TokenKind {
    /** One hour (Instagram) or about two (Facebook user); exchanged for a long-lived one. */
    SHORT_LIVED,
    /** 60 days; Instagram's can be refreshed once 24 hours old. */
    LONG_LIVED,
    /** A Facebook Page token; derived from a long-lived user token it never expires. */
    PAGE
}
