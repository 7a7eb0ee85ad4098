package io.feedgram.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /{ig-user-id}/media}: the owner's media except stories, newest first, with cursor
 * paging whose {@code next}/{@code previous} URLs point back at the sandbox (docs/instagram.md#reading-media).
 */
@SandboxBean
final class MediaListing {

    private final SandboxMedia media;
    private final GraphReads reads;
    private final SandboxSettings settings;

    MediaListing(SandboxMedia media, GraphReads reads, SandboxSettings settings) {
        this.media = media;
        this.reads = reads;
        this.settings = settings;
    }

    /**
     * @param pageUrl the request URL without its query string
     * @param query   the request's raw query string (may be null), reused for the paging links
     */
    Map<String, Object> list(AccessToken token, GraphParameters params, String pageUrl, String query) {
        SandboxProperties properties = settings.current();
        FieldSelection fields = FieldSelection.of(params, "id");
        int limit = (int) Math.max(1, Math.min(properties.maxPageSize(),
                params.text("limit").map(l -> GraphReads.parseLong(l, "limit")).orElse((long) properties.pageSize())));
        List<PublishedMedia> all = media.newestFirst(token.igUserId()).stream()
                .filter(m -> m.container().kind() != ContainerKind.STORIES)
                .toList();
        int from = 0;
        int to = Math.min(all.size(), limit);
        if (params.text("after").isPresent()) {
            from = indexOf(all, params.text("after").get()) + 1;
            to = Math.min(all.size(), from + limit);
        } else if (params.text("before").isPresent()) {
            to = indexOf(all, params.text("before").get());
            from = Math.max(0, to - limit);
        }
        List<PublishedMedia> page = all.subList(from, to);
        List<Map<String, Object>> data = new ArrayList<>();
        page.forEach(item -> data.add(fields.select(reads.mediaFields(item), GraphReads.MEDIA_FIELDS, "IGMedia")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        if (!page.isEmpty()) {
            Map<String, Object> paging = new LinkedHashMap<>();
            String first = cursor(page.get(0));
            String last = cursor(page.get(page.size() - 1));
            paging.put("cursors", Map.of("before", first, "after", last));
            if (from > 0) {
                paging.put("previous", link(pageUrl, query, limit, "before", first));
            }
            if (to < all.size()) {
                paging.put("next", link(pageUrl, query, limit, "after", last));
            }
            body.put("paging", paging);
        }
        return body;
    }

    private static String cursor(PublishedMedia item) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("media:" + item.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(List<PublishedMedia> all, String cursor) {
        for (int i = 0; i < all.size(); i++) {
            if (cursor(all.get(i)).equals(cursor)) {
                return i;
            }
        }
        throw GraphError.invalidParameter("The cursor " + cursor + " is not valid").toException();
    }

    /** The request's own query, minus old paging parameters, plus the new cursor: how Graph builds its links. */
    static String link(String pageUrl, String query, int limit, String direction, String cursor) {
        StringBuilder url = new StringBuilder(pageUrl).append('?');
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.split("=", 2)[0];
                if (!pair.isEmpty() && !name.equals("after") && !name.equals("before") && !name.equals("limit")) {
                    url.append(pair).append('&');
                }
            }
        }
        return url.append("limit=").append(limit).append('&').append(direction).append('=').append(cursor).toString();
    }
}
