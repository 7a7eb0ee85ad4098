package io.feedgram.sandbox;

/**
 * What fetching a media URL gave: the outcome, the HTTP status seen, and the bytes kept
 * (all of an image; only the head of a video, which may be hundreds of megabytes).
 */
record MediaDownload(Outcome outcome, int httpStatus, byte[] kept) {

    /** REFUSED: the fetcher would not go there (scheme, link-local address, redirects). */
    enum Outcome { OK, UNREACHABLE, REFUSED, NOT_OK, TOO_LARGE }

    static MediaDownload failed(Outcome outcome, int httpStatus) {
        return new MediaDownload(outcome, httpStatus, new byte[0]);
    }
}
