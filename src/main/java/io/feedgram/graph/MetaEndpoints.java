package io.feedgram.graph;

import java.util.function.Supplier;

import io.feedgram.system.FeedgramProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where every Meta URL points, decided in one place by one switch: with
 * {@code feedgram.sandbox.enabled} on, every Graph host and login page defaults to the built-in
 * sandbox; with it off, to Meta's real hosts. A URL set explicitly always wins. Server-to-server
 * calls reach the sandbox over loopback; pages the browser opens go through the public URL.
 */
@Component
public class MetaEndpoints {

    private static final Logger log = LoggerFactory.getLogger(MetaEndpoints.class);

    static final String INSTAGRAM_GRAPH = "https://graph.instagram.com";
    static final String FACEBOOK_GRAPH = "https://graph.facebook.com";
    static final String INSTAGRAM_AUTHORIZE = "https://www.instagram.com/oauth/authorize";
    static final String INSTAGRAM_TOKEN = "https://api.instagram.com/oauth/access_token";
    static final String FACEBOOK_DIALOG = "https://www.facebook.com/{version}/dialog/oauth";
    /** The sandbox mirrors each Meta host under /sandbox/{host}. */
    private static final String SANDBOX = "/sandbox/";
    private static final String OWN_ADDRESS = "http://localhost:${local.server.port:${server.port:8080}}";

    private final GraphProperties graph;
    private final MetaLoginUrls connect;
    private final FeedgramProperties feedgram;
    private final boolean sandbox;
    private final Environment environment;

    public MetaEndpoints(GraphProperties graph, MetaLoginUrls connect, FeedgramProperties feedgram,
                         Environment environment) {
        this.graph = graph;
        this.connect = connect;
        this.feedgram = feedgram;
        // Read as a property, not through SandboxProperties: the sandbox is Meta's stand-in and uses graph's types.
        this.sandbox = environment.getProperty("feedgram.sandbox.enabled", Boolean.class, false);
        this.environment = environment;
        if (isBlank(feedgram.publicUrl()) && !isBlank(connect.publicUrl())) {
            log.warn("feedgram.connect.public-url is deprecated: set feedgram.public-url instead");
        }
    }

    /** True when every Meta URL that is not set explicitly points at the built-in sandbox. */
    public boolean sandbox() {
        return sandbox;
    }

    /**
     * True when every Graph call goes to the built-in sandbox: it is on and neither Graph URL is
     * set to somewhere else. Only then may the demo run (it must never reach a real account).
     */
    public boolean graphIsBuiltInSandbox() {
        return sandbox && isBlank(graph.instagramUrl()) && isBlank(graph.facebookUrl());
    }

    /** Feedgram's own address as the outside world sees it, without a trailing slash. */
    public String publicUrl() {
        String url = resolve(first(feedgram.publicUrl(), connect.publicUrl(), OWN_ADDRESS));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** graph.instagram.com, without the version. */
    public String instagramGraph() {
        return server(graph.instagramUrl(), INSTAGRAM_GRAPH);
    }

    /** graph.facebook.com, without the version. */
    public String facebookGraph() {
        return server(graph.facebookUrl(), FACEBOOK_GRAPH);
    }

    /** The versioned URL of {@code path} on the Graph host of {@code login}. */
    public String graphUrl(Login login, String path) {
        return (login == Login.FACEBOOK ? facebookGraph() : instagramGraph()) + "/" + graph.version() + "/" + path;
    }

    /** Instagram Login's code exchange (api.instagram.com), server to server. */
    public String instagramToken() {
        return server(connect.instagramTokenUrl(), INSTAGRAM_TOKEN);
    }

    /** Instagram Login's authorize page, opened by the browser. */
    public String instagramAuthorize() {
        return browser(connect.instagramAuthorizeUrl(), INSTAGRAM_AUTHORIZE);
    }

    /** Facebook Login's dialog, opened by the browser; it holds {@code {version}} for the Graph version. */
    public String facebookDialog() {
        return browser(connect.facebookDialogUrl(), FACEBOOK_DIALOG);
    }

    private String server(String configured, String meta) {
        return pick(configured, meta, () -> resolve(OWN_ADDRESS));
    }

    private String browser(String configured, String meta) {
        return pick(configured, meta, this::publicUrl);
    }

    private String pick(String configured, String meta, Supplier<String> sandboxBase) {
        if (!isBlank(configured)) {
            return resolve(configured);
        }
        return sandbox ? sandboxBase.get() + SANDBOX + meta.substring("https://".length()) : meta;
    }

    /** Configured URLs may name {@code ${local.server.port}}, known only once the server runs. */
    private String resolve(String url) {
        return environment.resolveRequiredPlaceholders(url);
    }

    private static String first(String configured, String alias, String fallback) {
        return !isBlank(configured) ? configured : !isBlank(alias) ? alias : fallback;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
