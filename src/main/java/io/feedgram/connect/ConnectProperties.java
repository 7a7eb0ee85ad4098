package io.feedgram.connect;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.connect.*}: where the connect flows send the browser. The login URLs, when
 * unset, follow {@code feedgram.sandbox.enabled} (the sandbox's pages, or Meta's).
 *
 * @param successUrl            where the browser ends, with {@code connected=true&username=...} or {@code error=...}
 * @param publicUrl             deprecated alias of {@code feedgram.public-url}
 * @param instagramAuthorizeUrl Instagram Login's authorize page (Meta: https://www.instagram.com/oauth/authorize)
 * @param instagramTokenUrl     Instagram Login's code exchange (Meta: https://api.instagram.com/oauth/access_token)
 * @param facebookDialogUrl     Facebook Login's dialog (Meta: https://www.facebook.com/{version}/dialog/oauth);
 *                              {@code {version}} becomes {@code feedgram.graph.version}
 * @param stateTtl              how long a started flow may take
 */
@ConfigurationProperties("feedgram.connect")
public record ConnectProperties(
        @DefaultValue("/connect/done") String successUrl,
        @Deprecated String publicUrl,
        String instagramAuthorizeUrl,
        String instagramTokenUrl,
        String facebookDialogUrl,
        @DefaultValue("15m") Duration stateTtl) {
}
