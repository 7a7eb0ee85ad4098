package io.feedgram.graph;

/**
 * What a Graph call needs of an account: its Instagram user, its login (which host), its current
 * token, and its app (whose secret is kept out of error messages like the token).
 */
public record GraphCredentials(String igUserId, Login login, String accessToken, MetaApp app) {

    public GraphCredentials {
        if (login == null) {
            login = Login.INSTAGRAM;
        }
        if (app == null) {
            app = new MetaApp(null, null);
        }
    }

    @Override
    public String toString() {
        return "GraphCredentials[igUserId=" + igUserId + ", login=" + login
                + ", accessToken=" + (accessToken == null ? "none" : "***") + ", app=" + app + "]";
    }
}
