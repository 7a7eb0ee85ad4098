package io.feedgram.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** The failures a test can inject, by the names the control API uses (docs/instagram.md#sandbox). */
enum Fault {
    /** Any Graph call answers HTTP 500 code 2 and does nothing. */
    SERVER_ERROR("server-error"),
    /** Container creation answers HTTP 500 code 2 and creates nothing. */
    CREATE_SERVER_ERROR("create-server-error"),
    /** media_publish publishes, then answers HTTP 500 code 1. */
    PUBLISH_COMMITTED_RESPONSE_LOST("publish-committed-response-lost"),
    /** media_publish publishes, then answers HTTP 403 code 4/2207051 (the post is live anyway). */
    PUBLISH_COMMITTED_BLOCKED("publish-committed-blocked"),
    /** Reads of containers and media answer 100/33 while media_publish works (the May 2026 outage). */
    STATUS_READ_OUTAGE("status-read-outage"),
    /**
     * A carousel container whose children are not all FINISHED is refused with 9007/2207027. Whether Instagram refuses
     * it is unverified (Threads does, docs/instagram.md#carousel); off, the parent simply waits for its children.
     */
    UNFINISHED_CHILDREN_REFUSED("unfinished-children-refused"),
    /** Container creation answers 9004/2207052. */
    MEDIA_FETCH_FAILURE("media-fetch-failure"),
    /** New video containers end ERROR 2207026. */
    VIDEO_PROCESSING_ERROR("video-processing-error"),
    /** The quota reads as used up and media_publish answers 9/2207042. */
    QUOTA_EXHAUSTED("quota-exhausted"),
    /** A direct message or comment reply is sent, then the call answers HTTP 500 code 1 (the answer is lost). */
    SEND_COMMITTED_RESPONSE_LOST("send-committed-response-lost"),
    /** Calls answer 80002, Instagram's business-use-case rate limit. */
    RATE_LIMIT("rate-limit"),
    /** Calls answer code 4, the app-level rate limit. */
    APP_RATE_LIMIT("app-rate-limit");

    private final String wireName;

    Fault(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<Fault> byWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
