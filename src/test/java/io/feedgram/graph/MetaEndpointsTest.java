package io.feedgram.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.feedgram.system.FeedgramProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** One switch: the sandbox flag decides where every Meta URL points, unless a URL is set. */
class MetaEndpointsTest {

    private static MetaEndpoints endpoints(boolean sandbox, String... keyValues) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        for (int i = 0; i < keyValues.length; i += 2) {
            source.put(keyValues[i], keyValues[i + 1]);
        }
        Binder binder = new Binder(source);
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "9123")
                .withProperty("feedgram.sandbox.enabled", String.valueOf(sandbox));
        return new MetaEndpoints(
                binder.bindOrCreate("feedgram.graph", GraphProperties.class),
                binder.bindOrCreate("feedgram.connect", MetaLoginUrls.class),
                binder.bindOrCreate("feedgram", FeedgramProperties.class),
                environment);
    }

    @Test
    void withTheSandboxOffEveryUrlIsMetasRealHost() {
        MetaEndpoints meta = endpoints(false);
        assertThat(meta.instagramGraph()).isEqualTo("https://graph.instagram.com");
        assertThat(meta.facebookGraph()).isEqualTo("https://graph.facebook.com");
        assertThat(meta.instagramAuthorize()).isEqualTo("https://www.instagram.com/oauth/authorize");
        assertThat(meta.instagramToken()).isEqualTo("https://api.instagram.com/oauth/access_token");
        assertThat(meta.facebookDialog()).isEqualTo("https://www.facebook.com/{version}/dialog/oauth");
        assertThat(meta.graphIsBuiltInSandbox()).isFalse();
    }

    @Test
    void withTheSandboxOnEveryUrlIsTheSandboxServerCallsOnLoopbackPagesOnThePublicUrl() {
        MetaEndpoints meta = endpoints(true, "feedgram.public-url", "https://feedgram.example/");
        assertThat(meta.instagramGraph()).isEqualTo("http://localhost:9123/sandbox/graph.instagram.com");
        assertThat(meta.facebookGraph()).isEqualTo("http://localhost:9123/sandbox/graph.facebook.com");
        assertThat(meta.instagramToken()).isEqualTo("http://localhost:9123/sandbox/api.instagram.com/oauth/access_token");
        assertThat(meta.instagramAuthorize()).isEqualTo("https://feedgram.example/sandbox/www.instagram.com/oauth/authorize");
        assertThat(meta.facebookDialog()).isEqualTo("https://feedgram.example/sandbox/www.facebook.com/{version}/dialog/oauth");
        assertThat(meta.graphIsBuiltInSandbox()).isTrue();
    }

    @Test
    void aUrlSetExplicitlyAlwaysWins() {
        for (boolean sandbox : new boolean[] {true, false}) {
            MetaEndpoints meta = endpoints(sandbox,
                    "feedgram.graph.instagram-url", "http://ig.test:${local.server.port}",
                    "feedgram.connect.instagram-authorize-url", "https://login.test/authorize");
            assertThat(meta.instagramGraph()).isEqualTo("http://ig.test:9123");
            assertThat(meta.instagramAuthorize()).isEqualTo("https://login.test/authorize");
            assertThat(meta.graphIsBuiltInSandbox()).as("the demo may not run").isFalse();
        }
    }

    @Test
    void thePublicUrlDefaultsToTheServerAndHonoursItsDeprecatedAlias() {
        assertThat(endpoints(false).publicUrl()).isEqualTo("http://localhost:9123");
        assertThat(endpoints(false, "feedgram.connect.public-url", "https://old.example").publicUrl())
                .isEqualTo("https://old.example");
        assertThat(endpoints(false, "feedgram.connect.public-url", "https://old.example",
                "feedgram.public-url", "https://new.example").publicUrl()).isEqualTo("https://new.example");
    }

    @Test
    void graphTimeoutsKeepTheirDefaults() {
        GraphProperties graph = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("feedgram.graph", GraphProperties.class);
        assertThat(graph.version()).isEqualTo("v25.0");
        assertThat(graph.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }
}
