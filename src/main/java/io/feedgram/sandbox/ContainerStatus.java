package io.feedgram.sandbox;

/**
 * A container's {@code status_code} and the human {@code status} text Instagram pairs with it
 * (docs/instagram.md#container-status; the EXPIRED wording is the suggested one, never observed).
 */
record ContainerStatus(Code code, String text) {

    enum Code { IN_PROGRESS, FINISHED, PUBLISHED, ERROR, EXPIRED }

    static ContainerStatus inProgress() {
        return new ContainerStatus(Code.IN_PROGRESS, "In Progress: Media is still being processed.");
    }

    static ContainerStatus finished() {
        return new ContainerStatus(Code.FINISHED, "Finished: Media has been uploaded and it is ready to be published.");
    }

    static ContainerStatus published() {
        return new ContainerStatus(Code.PUBLISHED, "Published: Media has been successfully published.");
    }

    static ContainerStatus error(int subcode) {
        return new ContainerStatus(Code.ERROR, "Error: Media upload has failed with error code " + subcode);
    }

    static ContainerStatus expired() {
        return new ContainerStatus(Code.EXPIRED, "Expired: The container was not published within 24 hours.");
    }
}
