package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which redirect URIs the login dialogs accept: the configured ones, or by default Feedgram's own callbacks. */
class RegisteredRedirectsTest {

    private static RegisteredRedirects registered(Map<String, String> properties) {
        return new RegisteredRedirects(new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("feedgram.sandbox", SandboxProperties.class));
    }

    /** A dialog opened on {@code origin}, served by a connector on port 8080. */
    private static MockHttpServletRequest dialogOn(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sandbox/www.instagram.com/oauth/authorize");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        request.setLocalPort(8080);
        return request;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "http://localhost:8080/connect/instagram/callback, true",
            "http://localhost:8080/connect/facebook/callback, true",
            "HTTP://LocalHost:8080/connect/facebook/callback, true",
            "http://127.0.0.1:8080/connect/instagram/callback, true",
            "http://127.0.0.1:8080/connect/instagram/callback?x=1, false",
            "http://localhost:8081/connect/instagram/callback, false",
            "http://localhost:8080/connect/instagram/callback/, false",
            "http://localhost:8080/connect/instagram/callback#x, false",
            "https://localhost:8080/connect/instagram/callback, false",
            "http://evil.example:8080/connect/instagram/callback, false",
            "http://localhost:8080/elsewhere, false",
    })
    void byDefaultFeedgramsOwnCallbacksOnTheDialogsOriginAndLocalhost(String redirectUri, boolean accepted) {
        assertThat(registered(Map.of()).registered(redirectUri, dialogOn("http", "127.0.0.1", 8080))).isEqualTo(accepted);
    }

    @Test
    void aDefaultPortMatchesItsSpelledOutForm() {
        RegisteredRedirects redirects = registered(Map.of());
        MockHttpServletRequest dialog = dialogOn("https", "feedgram.example", 443);
        assertThat(redirects.registered("https://feedgram.example/connect/instagram/callback", dialog)).isTrue();
        assertThat(redirects.registered("https://feedgram.example:443/connect/facebook/callback", dialog)).isTrue();
        assertThat(redirects.registered("http://feedgram.example/connect/facebook/callback", dialog)).isFalse();
    }

    @Test
    void configuredUrisReplaceTheDefault() {
        RegisteredRedirects redirects = registered(Map.of("feedgram.sandbox.oauth.redirect-uris",
                "https://feedgram.example/connect/instagram/callback,http://localhost:9/cb?from=test"));
        MockHttpServletRequest dialog = dialogOn("http", "localhost", 8080);
        assertThat(redirects.registered("https://feedgram.example/connect/instagram/callback", dialog)).isTrue();
        assertThat(redirects.registered("http://localhost:9/cb?from=test", dialog)).isTrue();
        assertThat(redirects.registered("http://localhost:9/cb", dialog)).isFalse();
        assertThat(redirects.registered("http://localhost:8080/connect/instagram/callback", dialog)).isFalse();
    }

    @Test
    void aConfiguredUriThatCannotMatchStopsStartUp() {
        assertThatThrownBy(() -> registered(Map.of("feedgram.sandbox.oauth.redirect-uris", "/connect/instagram/callback")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feedgram.sandbox.oauth.redirect-uris");
    }
}
