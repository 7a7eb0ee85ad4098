package io.feedgram.connect;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.connect.*}: where the connect flows send the browser. URLs may hold
 * {@code ${local.server.port}} (the sandbox in the demo); they are resolved when used.
 *
 * @param successUrl            where the browser ends, with {@code connected=true&username=...} or {@code error=...}
 * @param publicUrl             Feedgram's address as the browser sees it; callbacks are {@code <public-url>/connect/{login}/callback}
 * @param instagramAuthorizeUrl Instagram Login's authorize page
 * @param instagramTokenUrl     Instagram Login's code exchange
 * @param facebookDialogUrl     Facebook Login's dialog; {@code {version}} becomes {@code feedgram.graph.version}
 * @param stateTtl              how long a started flow may take
 */
@ConfigurationProperties("feedgram.connect")
public record ConnectProperties(
        @DefaultValue("/connect/done") String successUrl,
        @DefaultValue("http://localhost:${local.server.port}") String publicUrl,
        @DefaultValue("https://www.instagram.com/oauth/authorize") String instagramAuthorizeUrl,
        @DefaultValue("https://api.instagram.com/oauth/access_token") String instagramTokenUrl,
        @DefaultValue("https://www.facebook.com/{version}/dialog/oauth") String facebookDialogUrl,
        @DefaultValue("15m") Duration stateTtl) {
}
