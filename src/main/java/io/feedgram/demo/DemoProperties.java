package io.feedgram.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code feedgram.demo.*}. The media URL may name {@code ${local.server.port}}, known only
 * once the server runs, so it is resolved when the posts are queued.
 */
@ConfigurationProperties("feedgram.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http://localhost:${local.server.port}/demo/media") String mediaUrl) {
}
