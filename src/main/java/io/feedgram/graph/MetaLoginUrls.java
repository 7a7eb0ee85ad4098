package io.feedgram.graph;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The login pages and code exchange the connect flows use ({@code feedgram.connect.*}). Unset,
 * they follow {@code feedgram.sandbox.enabled} (see {@link MetaEndpoints}).
 *
 * @param instagramAuthorizeUrl Instagram Login's authorize page (Meta: https://www.instagram.com/oauth/authorize)
 * @param instagramTokenUrl     Instagram Login's code exchange (Meta: https://api.instagram.com/oauth/access_token)
 * @param facebookDialogUrl     Facebook Login's dialog (Meta: https://www.facebook.com/{version}/dialog/oauth);
 *                              {@code {version}} becomes {@code feedgram.graph.version}
 * @param publicUrl             deprecated alias of {@code feedgram.public-url}
 */
@ConfigurationProperties("feedgram.connect")
public record MetaLoginUrls(
        String instagramAuthorizeUrl,
        String instagramTokenUrl,
        String facebookDialogUrl,
        @Deprecated String publicUrl) {
}
