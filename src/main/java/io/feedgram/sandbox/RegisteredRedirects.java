package io.feedgram.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The redirect URIs registered for the sandbox's apps ({@code oauth.redirect-uris}). Meta sends the
 * browser back only to a registered URI, so a login link cannot bounce a user to any site; the
 * sandbox does the same. Without a configured list, Feedgram's own callbacks are registered.
 */
@SandboxBean
final class RegisteredRedirects {

    private static final List<String> OWN_CALLBACKS = List.of("/connect/instagram/callback", "/connect/facebook/callback");

    private final List<URI> configured;

    RegisteredRedirects(SandboxProperties configured) {
        this.configured = configured.oauth().redirectUris().stream()
                .map(uri -> canonical(uri).orElseThrow(() -> new IllegalArgumentException(
                        "feedgram.sandbox.oauth.redirect-uris: not an absolute http(s) URI without a fragment: " + uri)))
                .toList();
    }

    /** Whether {@code redirectUri} is registered; {@code dialog} is the login dialog's request, whose origin the default uses. */
    boolean registered(String redirectUri, HttpServletRequest dialog) {
        Optional<URI> candidate = canonical(redirectUri);
        return candidate.isPresent() && (configured.isEmpty() ? ownCallbacks(dialog) : configured).contains(candidate.get());
    }

    private static List<URI> ownCallbacks(HttpServletRequest dialog) {
        String ownOrigin = dialog.getScheme() + "://" + dialog.getServerName() + ":" + dialog.getServerPort();
        String localhost = "http://localhost:" + dialog.getLocalPort();
        return Stream.of(ownOrigin, localhost)
                .flatMap(origin -> OWN_CALLBACKS.stream().map(path -> origin + dialog.getContextPath() + path))
                .flatMap(uri -> canonical(uri).stream())
                .toList();
    }

    /** The form redirect URIs are compared in: scheme and host in lower case, the port spelled out. */
    private static Optional<URI> canonical(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null
                    || parsed.getRawUserInfo() != null || parsed.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = parsed.getPort() >= 0 ? parsed.getPort() : scheme.equals("http") ? 80 : 443;
            String path = parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
            String query = parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery();
            return Optional.of(new URI(scheme + "://" + parsed.getHost().toLowerCase(Locale.ROOT) + ":" + port + path + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
