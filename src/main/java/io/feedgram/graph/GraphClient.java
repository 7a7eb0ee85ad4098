package io.feedgram.graph;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * The publishing calls of the Instagram Graph API (docs/instagram.md).
 * Tokens travel in the Authorization header, never in a URL, so they cannot leak into
 * access logs or exception messages.
 */
@Component
public class GraphClient {

    private final MetaTransport transport;
    private final MetaEndpoints endpoints;
    private final GraphProperties properties;
    private final PublishingLimits limits;

    public GraphClient(MetaTransport transport, MetaEndpoints endpoints, GraphProperties properties,
                       PublishingLimits limits) {
        this.transport = transport;
        this.endpoints = endpoints;
        this.properties = properties;
        this.limits = limits;
    }

    /**
     * {@code POST /{ig-user-id}/media}: returns the new container's id. Nothing of it needs to be durable first: a
     * container whose id a crash lost is never published, and the post creates another.
     */
    public String createContainer(GraphCredentials account, Map<String, String> parameters) {
        String path = account.igUserId() + "/media";
        return transport.postRepeatable(url(account, path), parameters, account.accessToken(), path, secret(account))
                .path("id").asText();
    }

    /** {@code GET /{container-id}?fields=status_code,status}. */
    public ContainerStatus containerStatus(GraphCredentials account, String containerId) {
        JsonNode body = get(account, containerId, Map.of("fields", "id,status_code,status"));
        return new ContainerStatus(body.path("status_code").asText(null), body.path("status").asText(null));
    }

    /** {@code POST /{ig-user-id}/media_publish}: returns the published media's id. Not idempotent. */
    public String publish(GraphCredentials account, String containerId) {
        return post(account, account.igUserId() + "/media_publish", Map.of("creation_id", containerId))
                .path("id").asText();
    }

    /** {@code GET /{media-id}?fields=permalink}. */
    public String permalink(GraphCredentials account, String mediaId) {
        return get(account, mediaId, Map.of("fields", "id,permalink")).path("permalink").asText(null);
    }

    /** {@code GET /{ig-user-id}/content_publishing_limit}, in the wrapped or the flat shape. */
    public PublishingLimit publishingLimit(GraphCredentials account) {
        JsonNode body = get(account, account.igUserId() + "/content_publishing_limit",
                Map.of("fields", "quota_usage,config"));
        JsonNode limit = body.has("data") ? body.path("data").path(0) : body;
        JsonNode config = limit.path("config");
        PublishingLimit read = new PublishingLimit(limit.path("quota_usage").asInt(0),
                config.path("quota_total").asInt(Integer.MAX_VALUE),
                Duration.ofSeconds(config.path("quota_duration").asLong(86_400)));
        limits.read(account.igUserId(), read);
        return read;
    }

    private JsonNode get(GraphCredentials account, String path, Map<String, String> query) {
        return transport.get(url(account, path), query, account.accessToken(), path, secret(account));
    }

    private JsonNode post(GraphCredentials account, String path, Map<String, String> parameters) {
        return transport.post(url(account, path), parameters, account.accessToken(), path, secret(account));
    }

    /** The app secret, which the transport keeps out of every message. */
    private static String secret(GraphCredentials account) {
        return account.app().appSecret();
    }

    private String url(GraphCredentials account, String path) {
        String base = account.login() == Login.FACEBOOK ? endpoints.facebookGraph() : endpoints.instagramGraph();
        return base + "/" + properties.version() + "/" + path;
    }
}
