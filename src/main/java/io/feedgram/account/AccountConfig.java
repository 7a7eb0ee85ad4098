package io.feedgram.account;

import io.feedgram.graph.Login;

/**
 * One Instagram professional account as declared under {@code feedgram.accounts[*]}: configuration
 * only; the credentials Graph calls use come from {@link AccountCredentials#find(String)}.
 * {@code pageId} is the Facebook Page linked to a Facebook Login account: the node that messages and
 * subscribes to webhooks there (a connect finds it by itself).
 * {@link #toString()} masks the secrets: records print every component by default.
 */
public record AccountConfig(
        String id,
        Login login,
        String igUserId,
        String pageId,
        String accessToken,
        String appId,
        String appSecret) {

    public AccountConfig {
        if (login == null) {
            login = Login.INSTAGRAM;
        }
        // An empty environment variable (docker-compose's ${VAR:-}) means "not given", not an empty token.
        pageId = givenOrNull(pageId);
        accessToken = givenOrNull(accessToken);
        appId = givenOrNull(appId);
        appSecret = givenOrNull(appSecret);
    }

    private static String givenOrNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "AccountConfig[id=" + id + ", login=" + login + ", igUserId=" + igUserId + ", pageId=" + pageId
                + ", accessToken=" + (accessToken == null ? "none" : "***")
                + ", appId=" + appId + ", appSecret=" + (appSecret == null ? "none" : "***") + "]";
    }
}
