package io.feedgram.sandbox;

/**
 * One Graph API error as Instagram answers it (docs/instagram.md#errors). The static factories are the
 * sandbox's error catalogue: codes, subcodes and wording in one place, each traced to docs/instagram.md.
 *
 * @param methodError true for the "Unsupported get/post request" family, typed GraphMethodException on graph.facebook.com
 * @param tokenError  true when {@code WWW-Authenticate} should say {@code invalid_token}
 */
record GraphError(
        int httpStatus,
        int code,
        Integer subcode,
        String message,
        Boolean isTransient,
        String userTitle,
        String userMessage,
        boolean methodError,
        boolean tokenError) {

    private static GraphError of(int code, Integer subcode, String message) {
        return new GraphError(400, code, subcode, message, null, null, null, false, false);
    }

    GraphError withUserText(String title, String text) {
        return new GraphError(httpStatus, code, subcode, message, isTransient, title, text, methodError, tokenError);
    }

    GraphError withTransient(boolean value) {
        return new GraphError(httpStatus, code, subcode, message, value, userTitle, userMessage, methodError, tokenError);
    }

    GraphApiException toException() {
        return new GraphApiException(this);
    }

    // --- tokens (docs/instagram.md#tokens and #hosts)

    static GraphError missingToken() {
        return new GraphError(400, 104, null, "An access token is required to request this resource.",
                null, null, null, false, true);
    }

    static GraphError unparsableToken() {
        return new GraphError(400, 190, null, "Invalid OAuth access token - Cannot parse access token",
                null, null, null, false, true);
    }

    static GraphError expiredToken(String expiredOn, String currentTime) {
        return new GraphError(400, 190, 463, "Error validating access token: Session has expired on "
                + expiredOn + ". The current time is " + currentTime + ".", null, null, null, false, true);
    }

    // --- OAuth and token endpoints (docs/instagram.md#logins); wording from Facebook's OAuth errors (observed)

    static GraphError invalidAppId() {
        return of(101, null, "Error validating application. Invalid application ID.");
    }

    static GraphError invalidClientSecret() {
        return of(1, null, "Error validating client secret.");
    }

    static GraphError unsupportedGrantType(String grantType) {
        return of(100, null, "Unsupported grant_type: " + grantType);
    }

    static GraphError codeUnknown() {
        return of(100, null, "Invalid verification code format.");
    }

    static GraphError codeExpired() {
        return of(100, 36007, "This authorization code has expired.");
    }

    static GraphError codeUsed() {
        return of(100, 36009, "This authorization code has been used.");
    }

    static GraphError redirectUriMismatch() {
        return of(100, 36008, "Error validating verification code. Please make sure your redirect_uri is identical"
                + " to the one you used in the OAuth dialog request");
    }

    /** Not a token of the kind the exchange takes (a long-lived token for ig_exchange_token, say). */
    static GraphError wrongTokenKind(String expected) {
        return of(100, null, "(#100) The access token must be a " + expected + " access token");
    }

    /** A refresh before the token is 24 hours old: undocumented, so the code is a knob (docs/instagram.md#instagram-login, unverified). */
    static GraphError refreshTooEarly(int code) {
        return new GraphError(400, code, null, "Unsupported request - method type: get", null, null, null, false, false);
    }

    // --- objects and paths (docs/instagram.md#container-status)

    static GraphError unsupportedRequest(String method, String id) {
        return new GraphError(400, 100, 33, "Unsupported " + method + " request. Object with ID '" + id
                + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation."
                + " Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
                null, null, null, true, false);
    }

    /** The May 2026 outage: reads of fresh containers failed with 100/33 while publish worked (docs/instagram.md#container-status). */
    static GraphError authorizationOutage(String id) {
        return unsupportedRequest("get", id).withUserText("Authorization Error", "Authorization Error");
    }

    static GraphError unknownPath(String path) {
        return new GraphError(400, 2500, null, "Unknown path components: " + path, null, null, null, false, false);
    }

    static GraphError nonexistingField(String field, String nodeType) {
        return of(100, null, "(#100) Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")");
    }

    static GraphError invalidParameter(String message) {
        return of(100, null, "(#100) " + message);
    }

    static GraphError parameterRequired(String name) {
        return of(100, null, "(#100) The parameter " + name + " is required");
    }

    // --- container creation (docs/instagram.md#containers and #error-codes)

    static GraphError unknownMediaType(String mediaType) {
        return of(100, 2207023, "The media type " + mediaType + " is unknown.");
    }

    /** Single feed videos were retired on 2023-11-09; the real wording is unverified (docs/instagram.md#versions, unverified). */
    static GraphError singleVideoRetired() {
        return of(100, 2207023, "The media type VIDEO is unknown.")
                .withUserText("Unsupported media type", "Use media_type=REELS to publish a single video.");
    }

    static GraphError carouselSize() {
        return of(100, 2207028,
                "(#100) Unsupported post type. The post has too little or too many attachments to qualify as a carousel.")
                .withUserText("Unsupported post type",
                        "Your post won't work as a carousel. Carousels need at least 2 photos/videos and no more than 10 photos/videos.");
    }

    static GraphError collaboratorsOnCarouselChild() {
        return of(100, null, "(#100) The param collaborators is not allowed for carousel child");
    }

    static GraphError collaboratorNotTaggable(String username) {
        return of(100, 2207018, "(#100) The user " + username + " cannot be tagged as a collaborator.")
                .withUserText("Cannot add collaborator", "Use the username without a leading @.");
    }

    static GraphError captionTooLong(int length) {
        return of(36004, 2207010, "The caption is too long.").withUserText("Caption too long",
                "The submitted image's caption was " + length
                        + " characters long. The maximum number of characters permitted for a caption is 2200.");
    }

    static GraphError tooManyHashtags(int count, int max) {
        return of(36004, 2207010, "The caption has too many hashtags.").withUserText("Too many hashtags",
                "The caption has " + count + " hashtags. The maximum number of hashtags permitted for a caption is " + max + ".");
    }

    static GraphError tooManyTags() {
        return of(100, 2207040, "Cannot use more than 20 tags per created media.");
    }

    static GraphError mediaFetchFailed(String uri) {
        return of(9004, 2207052, "Only photo or video can be accepted as media type.")
                .withTransient(false)
                .withUserText("Media download has failed. The media URI doesn't meet our requirements.",
                        "The media could not be fetched from this URI: " + uri
                                + ". Please check the limitations section in our development document for more details.");
    }

    static GraphError imageTooLarge() {
        return of(36000, 2207004, "The image size is too large.")
                .withTransient(false)
                .withUserText("Image size too large", "The image is too large to download. It should be less than 8 MiB.");
    }

    static GraphError imageFormatUnsupported() {
        return of(36001, 2207005, "The image format is not supported.")
                .withTransient(false)
                .withUserText("Unsupported image format", "The image format is not supported. Supported formats are: JPEG.");
    }

    static GraphError aspectRatioUnsupported(double ratio) {
        return of(36003, 2207009, "The aspect ratio is not supported.")
                .withTransient(false)
                .withUserText("Unsupported aspect ratio", String.format(java.util.Locale.ROOT,
                        "The submitted image with aspect ratio %.2f cannot be published. Please submit an image with a valid aspect ratio.",
                        ratio));
    }

    // --- publish (docs/instagram.md#publishing)

    static GraphError mediaNotReady() {
        return of(9007, 2207027, "Media ID is not available")
                .withTransient(false)
                .withUserText("Media not ready for publishing", "The media is not ready for publishing, please wait for a moment");
    }

    static GraphError containerExpired() {
        return of(-2, 2207020, "The media you are trying to access has expired. Please try to upload again.")
                .withTransient(false);
    }

    static GraphError containerNotFound(String id) {
        return of(24, 2207006, "The requested resource does not exist")
                .withUserText("Media not found", "The media with " + id + " cannot be found");
    }

    static GraphError quotaReached() {
        return of(9, 2207042, "You reached maximum number of posts that is allowed to be published by Content Publishing API.")
                .withTransient(false)
                .withUserText("Maximum posts reached", "Try again after the 24 hour publishing window has moved on.");
    }

    // --- server errors and throttling (docs/instagram.md#errors and #rate-limits)

    static GraphError unexpectedServerError() {
        return new GraphError(500, 2, null, "An unexpected error has occurred. Please retry your request later.",
                true, null, null, false, false);
    }

    static GraphError unknownServerError() {
        return new GraphError(500, 1, null, "An unknown error has occurred.", null, null, null, false, false);
    }

    static GraphError actionBlocked() {
        return new GraphError(403, 4, 2207051, "Application request limit reached", false, "Action is blocked",
                "We restrict certain activity to protect our community. Tell us if you think we made a mistake.",
                false, false);
    }

    static GraphError instagramRateLimit() {
        return of(80002, null, "(#80002) There have been too many calls to this Instagram account. Wait a bit and try again."
                + " For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.")
                .withTransient(true);
    }

    static GraphError appRateLimit() {
        return of(4, null, "(#4) Application request limit reached").withTransient(true);
    }

    // --- messaging (docs/instagram.md#messaging-errors)

    /** The 24-hour window after the person's last message is closed; HTTP 403 as observed in the field. */
    static GraphError outsideWindow() {
        return new GraphError(403, 10, 2534022, "This message is sent outside of allowed window.", null, null, null,
                false, false);
    }

    static GraphError noMatchingUser() {
        return of(100, 2534014, "No matching Instagram user");
    }

    /** A second private reply, one after 7 days, or one to a comment that is gone. */
    static GraphError invalidPrivateReply() {
        return of(100, 2534025, "The comment is invalid for a private reply");
    }

    /** Messaging or {@code subscribed_apps} on the IG user node of graph.facebook.com: the Page node does it there. */
    static GraphError wrongNodeForFacebookLogin() {
        return of(3, null, "(#3) Application does not have the capability to make this API call.");
    }

    static GraphError pageTokenRequired() {
        return of(210, null, "(#210) A page access token is required to request this resource.");
    }

    static GraphError messagingRateLimit() {
        return of(613, 2534040, "Calls to this api have exceeded the rate limit.");
    }

    static GraphError recipientUnavailable() {
        return of(551, 1545041, "(#551) This person isn't available right now.");
    }
}
