package io.feedgram.sandbox;

/** Where Instagram's check of a container's media stands: pending, passed, or failed with a subcode. */
record MediaCheck(boolean done, Integer errorSubcode) {

    static MediaCheck pending() {
        return new MediaCheck(false, null);
    }

    static MediaCheck passed() {
        return new MediaCheck(true, null);
    }

    static MediaCheck failed(int subcode) {
        return new MediaCheck(true, subcode);
    }

    boolean failed() {
        return errorSubcode != null;
    }
}
