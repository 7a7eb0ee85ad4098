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

    /** {@code GET /me/accounts}: the user's Pages, each with a fresh Page token. */
    Map<String, Object> accounts(AccessToken userToken, GraphParameters params) {
        if (userToken.kind() == TokenKind.PAGE) {
            throw GraphError.nonexistingField("accounts", "Page").toException();
        }
        FieldSelection fields = FieldSelection.of(params, "id,name,access_token");
        List<Map<String, Object>> data = new ArrayList<>();
        for (Page page : pagesOf(userToken)) {
            data.add(fields.select(pageFields(page, userToken, true), PAGE_FIELDS, "Page"));
        }
        String first = data.isEmpty() ? "" : pagesOf(userToken).get(0).id();
        String last = data.isEmpty() ? "" : pagesOf(userToken).get(data.size() - 1).id();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", data);
        answer.put("paging", Map.of("cursors", Map.of("before", cursor(first), "after", cursor(last))));
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

    List<Page> pagesOf(AccessToken token) {
        String digits = lastDigits(token.igUserId());
        boolean linked = settings.current().oauth().linkedInstagram();
        return List.of(new Page("1348" + digits, token.username() + " Page", linked),
                new Page("1349" + digits, token.username() + " Other Page", false));
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

    private static String lastDigits(String id) {
        String digits = id == null ? "" : id.replaceAll("\\D", "");
        String padded = "00000000000" + digits;
        return padded.substring(padded.length() - 11);
    }
}
