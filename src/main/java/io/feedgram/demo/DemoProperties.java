package io.feedgram.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.demo.*}. The media URL may name {@code ${local.server.port}}, known only
 * once the server runs, so it is resolved when the posts are queued.
 *
 * @param enabled  whether the demo posts (an image, a reel, a carousel, a story) are queued at start-up;
 *                 only against the built-in sandbox
 * @param mediaUrl where the demo posts' media are served from
 */
@ConfigurationProperties("feedgram.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http://localhost:${local.server.port}/demo/media") String mediaUrl) {
}
