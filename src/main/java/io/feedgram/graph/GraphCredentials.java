package io.feedgram.graph;

import java.util.Optional;

/**
 * What a Graph call needs of an account: its Instagram user, its login (which host), its current
 * token, its app (whose secret is kept out of error messages like the token), and with Facebook Login
 * the linked Facebook Page ({@code null} when not known).
 */
public record GraphCredentials(String igUserId, Login login, String accessToken, MetaApp app, String pageId) {

    /** Why a Facebook Login account without a known Page can neither message nor subscribe, for a person. */
    public static final String PAGE_UNKNOWN = "The account uses Facebook Login but its Facebook Page is not known;"
            + " Instagram takes messages, conversation reads and webhook subscriptions only through the Page."
            + " Connect the account again (/connect/facebook?account=ID) or set its page-id.";

    public GraphCredentials {
        if (login == null) {
            login = Login.INSTAGRAM;
        }
        if (app == null) {
            app = new MetaApp(null, null);
        }
    }

    /**
     * The node that sends messages, lists conversations and holds the webhook subscription
     * (docs/instagram.md#facebook-login-page-node): the Instagram user on Instagram Login, the Page on
     * Facebook Login; empty when that Page is not known.
     */
    public Optional<String> messagingNode() {
        return Optional.ofNullable(login == Login.FACEBOOK ? pageId : igUserId);
    }

    @Override
    public String toString() {
        return "GraphCredentials[igUserId=" + igUserId + ", login=" + login + ", pageId=" + pageId
                + ", accessToken=" + (accessToken == null ? "none" : "***") + ", app=" + app + "]";
    }
}
