package io.feedgram.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Facebook side of Facebook Login (docs/instagram.md#facebook-login): every IG account belongs to a
 * Facebook user with two Pages, one linked to the IG account and one not. {@code /me/accounts}
 * hands out Page tokens (never expiring when derived from a long-lived user token);
 * {@code oauth.linked-instagram=false} makes neither Page linked.
 */
@SandboxBean
final class FacebookPages {

    private static final Set<String> PAGE_FIELDS = Set.of("id", "name", "access_token", "instagram_business_account", "category");

    /** One Page of the user; {@code linked} is whether it carries the IG account. */
    record Page(String id, String name, boolean linked) {
    }

    private final SandboxTokens tokens;
    private final SandboxSettings settings;

    FacebookPages(SandboxTokens tokens, SandboxSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    static String facebookUserOf(String igUserId) {
        return "1000" + lastDigits(igUserId);
    }

    /**
     * {@code GET /me/accounts}: the user's Pages, each with a fresh Page token, {@code oauth.pages-per-list}
     * to a list with a {@code paging.next} link back here while more follow.
     *
     * @param pageUrl the request URL without its query string
     * @param query   the request's raw query string (may be null), reused for the paging link
     */
    Map<String, Object> accounts(AccessToken userToken, GraphParameters params, String pageUrl, String query) {
        if (userToken.kind() == TokenKind.PAGE) {
            throw GraphError.nonexistingField("accounts", "Page").toException();
        }
        FieldSelection fields = FieldSelection.of(params, "id,name,access_token");
        List<Page> all = pagesOf(userToken);
        int limit = Math.max(1, settings.current().oauth().pagesPerList());
        int from = params.text("after").map(after -> indexOf(all, after) + 1).orElse(0);
        List<Page> listed = all.subList(Math.min(from, all.size()), Math.min(all.size(), from + limit));
        List<Map<String, Object>> data = new ArrayList<>();
        for (Page page : listed) {
            data.add(fields.select(pageFields(page, userToken, true), PAGE_FIELDS, "Page"));
        }
        String first = listed.isEmpty() ? "" : listed.get(0).id();
        String last = listed.isEmpty() ? "" : listed.get(listed.size() - 1).id();
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("cursors", Map.of("before", cursor(first), "after", cursor(last)));
        if (from + limit < all.size()) {
            paging.put("next", MediaListing.link(pageUrl, query, limit, "after", cursor(last)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", data);
        answer.put("paging", paging);
        return answer;
    }

    /** {@code GET /{page-id}} for one of the token's user's Pages; empty when the id is no such Page. */
    Optional<Map<String, Object>> page(AccessToken token, String id, GraphParameters params) {
        return pagesOf(token).stream().filter(p -> p.id().equals(id)).findFirst()
                .map(page -> FieldSelection.of(params, "id,name").select(pageFields(page, token, false), PAGE_FIELDS, "Page"))
                .map(selected -> {
                    Map<String, Object> answer = new LinkedHashMap<>(selected);
                    answer.putIfAbsent("id", id);
                    return answer;
                });
    }

    /** The id of the token's Page that carries its IG account, if one does. */
    Optional<String> linkedPageId(AccessToken token) {
        return pagesOf(token).stream().filter(Page::linked).map(Page::id).findFirst();
    }

    List<Page> pagesOf(AccessToken token) {
        String digits = lastDigits(token.igUserId());
        SandboxProperties.OAuth oauth = settings.current().oauth();
        Page linked = new Page("1348" + digits, token.username() + " Page", oauth.linkedInstagram());
        Page other = new Page("1349" + digits, token.username() + " Other Page", false);
        return oauth.linkedPageLast() ? List.of(other, linked) : List.of(linked, other);
    }

    private Map<String, Object> pageFields(Page page, AccessToken token, boolean withToken) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", page.id());
        fields.put("name", page.name());
        fields.put("category", "Website");
        if (withToken) {
            fields.put("access_token", pageToken(token).value());
        }
        if (page.linked()) {
            fields.put("instagram_business_account", Map.of("id", token.igUserId()));
        }
        return fields;
    }

    /** A Page token derived from the user token: never expires when that one is long-lived, else dies with it. */
    private AccessToken pageToken(AccessToken userToken) {
        AccessToken page = tokens.issue(userToken, TokenKind.PAGE, null);
        if (userToken.kind() == TokenKind.SHORT_LIVED) {
            page = page.expiringAt(userToken.expiresAt());
            tokens.register(page);
        }
        return page;
    }

    private static String cursor(String id) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int indexOf(List<Page> pages, String cursor) {
        for (int i = 0; i < pages.size(); i++) {
            if (cursor(pages.get(i).id()).equals(cursor)) {
                return i;
            }
        }
        throw GraphError.invalidParameter("The cursor " + cursor + " is not valid").toException();
    }

    private static String lastDigits(String id) {
        String digits = id == null ? "" : id.replaceAll("\\D", "");
        String padded = "00000000000" + digits;
        return padded.substring(padded.length() - 11);
    }
}
