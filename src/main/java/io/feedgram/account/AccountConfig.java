package io.feedgram.account;

/**
 * One Instagram professional account as declared under {@code feedgram.accounts[*]}.
 * {@link #toString()} masks the secrets: records print every component by default.
 */
public record AccountConfig(
        String id,
        Login login,
        String igUserId,
        String accessToken,
        String appId,
        String appSecret) {

    /** Which Graph host and token flavour the account uses (docs/instagram.md#hosts). */
    public enum Login { INSTAGRAM, FACEBOOK }

    public AccountConfig {
        if (login == null) {
            login = Login.INSTAGRAM;
        }
    }

    @Override
    public String toString() {
        return "AccountConfig[id=" + id + ", login=" + login + ", igUserId=" + igUserId
                + ", accessToken=" + (accessToken == null ? "none" : "***")
                + ", appId=" + appId + ", appSecret=" + (appSecret == null ? "none" : "***") + "]";
    }
}
