package io.feedgram.account;

import java.time.Instant;

/**
 * Credentials a connect flow obtained for an account. {@code expiresAt} null means the token
 * never expires (a Page token). With Facebook Login, {@code userToken} is the long-lived user
 * token the Page token was derived from (refreshed to keep the Page token alive), and {@code pageId}
 * the Page whose token it is ({@code null} with Instagram Login).
 */
public record Connection(
        String accessToken,
        Instant expiresAt,
        String igUserId,
        String pageId,
        String username,
        String userToken,
        Instant userTokenExpiresAt) {

    @Override
    public String toString() {
        return "Connection[accessToken=***, expiresAt=" + expiresAt + ", igUserId=" + igUserId + ", pageId=" + pageId + ", username="
                + username + ", userToken=" + (userToken == null ? "none" : "***") + "]";
    }
}
