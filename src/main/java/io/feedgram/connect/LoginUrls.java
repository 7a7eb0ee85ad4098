package io.feedgram.connect;

import java.util.Map;

import io.feedgram.graph.MetaTransport;

/** The URLs a connect flow sends the browser to, and the one it ends on (pure string building). */
final class LoginUrls {

    private LoginUrls() {
    }

    /** Instagram Login's authorize page (docs/instagram.md#instagram-login). */
    static String instagramAuthorize(String authorizeUrl, String appId, String redirectUri, String scopes, String state) {
        return withQuery(authorizeUrl, MetaTransport.parameters("client_id", appId, "redirect_uri", redirectUri,
                "response_type", "code", "scope", scopes, "state", state));
    }

    /** Facebook Login's dialog (docs/instagram.md#facebook-login); {@code {version}} in the URL becomes the Graph version. */
    static String facebookDialog(String dialogUrl, String version, String appId, String redirectUri, String scopes, String state) {
        return withQuery(dialogUrl.replace("{version}", version), MetaTransport.parameters("client_id", appId,
                "redirect_uri", redirectUri, "response_type", "code", "scope", scopes, "state", state));
    }

    static String withQuery(String url, Map<String, String> parameters) {
        return url + (url.contains("?") ? "&" : "?") + MetaTransport.form(parameters);
    }

    /** Instagram appends {@code #_} to the redirect; a code copied by hand may still carry it. */
    static String cleanCode(String code) {
        String clean = code.strip();
        if (clean.endsWith("#_")) {
            clean = clean.substring(0, clean.length() - 2);
        }
        return clean;
    }
}
