package io.feedgram.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the answers of the login endpoints (docs/instagram.md#logins), in every shape seen in the field. */
final class OAuthResponses {

    /** A token as an exchange returned it; {@code userId} and {@code expiresIn} may be absent. */
    record IssuedToken(String accessToken, String userId, Long expiresIn) {
        @Override
        public String toString() {
            return "IssuedToken[accessToken=***, userId=" + userId + ", expiresIn=" + expiresIn + "]";
        }
    }

    /** A Facebook Page with a linked Instagram professional account. */
    record LinkedPage(String pageId, String name, String pageToken, String igUserId) {
        @Override
        public String toString() {
            return "LinkedPage[pageId=" + pageId + ", name=" + name + ", igUserId=" + igUserId + ", pageToken=***]";
        }
    }

    /** The identity {@code /me?fields=user_id,username} answers. */
    record Identity(String igUserId, String username) {
    }

    private OAuthResponses() {
    }

    /** {@code api.instagram.com/oauth/access_token}: documented {@code {"data":[{...}]}} or flat; user_id a string or a number. */
    static Optional<IssuedToken> instagramCodeExchange(JsonNode body) {
        JsonNode issued = body.path("data").isArray() ? body.path("data").path(0) : body;
        return token(issued);
    }

    /** {@code {"access_token","token_type","expires_in"}}: the long-lived exchanges and the Facebook code exchange. */
    static Optional<IssuedToken> bearer(JsonNode body) {
        return token(body);
    }

    static Optional<Identity> identity(JsonNode body) {
        String id = text(body, "user_id").or(() -> text(body, "id")).orElse(null);
        return id == null ? Optional.empty() : Optional.of(new Identity(id, text(body, "username").orElse(null)));
    }

    /** The Pages of {@code /me/accounts} that carry an {@code instagram_business_account}. */
    static List<LinkedPage> linkedPages(JsonNode body) {
        List<LinkedPage> linked = new ArrayList<>();
        for (JsonNode page : body.path("data")) {
            Optional<String> igUserId = text(page.path("instagram_business_account"), "id");
            Optional<String> token = text(page, "access_token");
            if (igUserId.isPresent() && token.isPresent()) {
                linked.add(new LinkedPage(text(page, "id").orElse(null), text(page, "name").orElse(null), token.get(),
                        igUserId.get()));
            }
        }
        return linked;
    }

    /** The next page of a Graph list, if any. */
    static Optional<String> next(JsonNode body) {
        return text(body.path("paging"), "next");
    }

    /** What went wrong, for a log line: the Graph envelope or Instagram's OAuth shape. Never quotes a token. */
    static String describeError(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isObject()) {
            return "code " + error.path("code").asText("?")
                    + (error.hasNonNull("error_subcode") ? "/" + error.path("error_subcode").asText() : "")
                    + ": " + error.path("message").asText("");
        }
        if (body.has("error_message")) {
            return body.path("error_type").asText("") + " " + body.path("code").asText("") + ": "
                    + body.path("error_message").asText();
        }
        return "no error description";
    }

    private static Optional<IssuedToken> token(JsonNode node) {
        return text(node, "access_token").map(token -> new IssuedToken(token, text(node, "user_id").orElse(null),
                node.path("expires_in").canConvertToLong() && !node.path("expires_in").isMissingNode()
                        ? node.path("expires_in").asLong() : null));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
