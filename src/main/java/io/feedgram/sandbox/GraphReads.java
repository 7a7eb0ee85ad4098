package io.feedgram.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The read side: nodes ({@code /me}, user, container, media) and the publishing limit (docs/instagram.md#container-status, #quota and #reading-media). */
@SandboxBean
final class GraphReads {

    /** {@code 2019-09-26T22:36:43+0000}: ISO-8601 with a colon-less UTC offset (docs/instagram.md#reading-media). */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
    private static final Set<String> USER_FIELDS = Set.of("id", "user_id", "username", "account_type", "media_count");
    private static final Set<String> CONTAINER_FIELDS = Set.of("id", "status_code", "status");
    static final Set<String> MEDIA_FIELDS = Set.of("id", "media_type", "media_product_type", "permalink", "shortcode",
            "timestamp", "caption", "owner", "username", "media_url", "alt_text", "is_shared_to_feed", "like_count",
            "comments_count");

    private final SandboxContainers containers;
    private final SandboxMedia media;
    private final PublishingQuota quota;
    private final SandboxFaults faults;
    private final SandboxSettings settings;
    private final SandboxClock clock;

    GraphReads(SandboxContainers containers, SandboxMedia media, PublishingQuota quota, SandboxFaults faults,
            SandboxSettings settings, SandboxClock clock) {
        this.containers = containers;
        this.media = media;
        this.quota = quota;
        this.faults = faults;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code GET /{id}}: the token's own user ({@code me} or its id), or one of its containers or media. */
    Map<String, Object> node(AccessToken token, String id, GraphParameters params) {
        FieldSelection fields = FieldSelection.of(params, "id");
        String owner = token.igUserId();
        if (id.equals("me") || id.equals(owner)) {
            return fields.select(userFields(token), USER_FIELDS, "IGUser");
        }
        var container = containers.findOwned(id, owner);
        var published = media.findOwned(id, owner);
        if (container.isEmpty() && published.isEmpty()) {
            throw GraphError.unsupportedRequest("get", id).toException();
        }
        if (faults.fires(Fault.STATUS_READ_OUTAGE, owner)) {
            throw GraphError.authorizationOutage(id).toException();
        }
        if (container.isPresent()) {
            ContainerStatus status = containers.statusOf(container.get(), clock.now());
            Map<String, Object> available = new LinkedHashMap<>();
            available.put("id", id);
            available.put("status_code", status.code().name());
            available.put("status", status.text());
            return fields.select(available, CONTAINER_FIELDS, "ShadowIGMediaBuilder");
        }
        return fields.select(mediaFields(published.get()), MEDIA_FIELDS, "IGMedia");
    }

    Map<String, Object> mediaFields(PublishedMedia item) {
        Map<String, String> params = item.params();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", item.id());
        fields.put("media_type", item.mediaType());
        fields.put("media_product_type", item.mediaProductType());
        fields.put("permalink", item.permalink());
        fields.put("shortcode", item.shortcode());
        fields.put("timestamp", TIMESTAMP.format(item.publishedAt()));
        fields.put("caption", params.get("caption"));
        fields.put("owner", Map.of("id", item.owner()));
        fields.put("username", item.ownerUsername());
        fields.put("media_url", params.getOrDefault("image_url", params.get("video_url")));
        fields.put("alt_text", params.get("alt_text"));
        if (item.container().kind() == ContainerKind.REELS) {
            fields.put("is_shared_to_feed", !"false".equalsIgnoreCase(params.get("share_to_feed")));
        }
        fields.put("like_count", 0);
        fields.put("comments_count", 0);
        return fields;
    }

    /** {@code GET /{ig-user-id}/content_publishing_limit} in the configured shape (docs/instagram.md#quota). */
    Map<String, Object> publishingLimit(AccessToken token, GraphParameters params) {
        SandboxProperties properties = settings.current();
        FieldSelection fields = FieldSelection.of(params, "quota_usage");
        Instant since = params.text("since").map(s -> Instant.ofEpochSecond(parseLong(s, "since"))).orElse(null);
        int usage = faults.fires(Fault.QUOTA_EXHAUSTED, token.igUserId())
                ? properties.quotaTotal()
                : quota.usage(token.igUserId(), clock.now(), since);
        Map<String, Object> available = new LinkedHashMap<>();
        available.put("quota_usage", usage);
        available.put("config", Map.of("quota_total", properties.quotaTotal(),
                "quota_duration", properties.quotaWindow().toSeconds()));
        Map<String, Object> limit = fields.select(available, Set.of("quota_usage", "config"), "ContentPublishingLimit");
        return properties.quotaShape() == SandboxProperties.QuotaShape.FLAT ? limit : Map.of("data", List.of(limit));
    }

    private Map<String, Object> userFields(AccessToken token) {
        Map<String, Object> fields = new LinkedHashMap<>();
        // id and user_id are the same node here, so either works as {ig-user-id} (docs/instagram.md#ids).
        fields.put("id", token.igUserId());
        fields.put("user_id", token.igUserId());
        fields.put("username", token.username());
        fields.put("account_type", "BUSINESS");
        fields.put("media_count", media.newestFirst(token.igUserId()).size());
        return fields;
    }

    static long parseLong(String value, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw GraphError.invalidParameter("Param " + name + " must be an integer").toException();
        }
    }
}
