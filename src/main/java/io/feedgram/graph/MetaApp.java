package io.feedgram.graph;

/** A Meta app's credentials, as the token endpoints want them; either may be null when not configured. */
public record MetaApp(String appId, String appSecret) {

    public boolean complete() {
        return appId != null && !appId.isBlank() && appSecret != null && !appSecret.isBlank();
    }

    @Override
    public String toString() {
        return "MetaApp[appId=" + appId + ", appSecret=" + (appSecret == null ? "none" : "***") + "]";
    }
}
