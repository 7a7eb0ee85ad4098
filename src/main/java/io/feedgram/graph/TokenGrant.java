package io.feedgram.graph;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A token Instagram or Facebook issued; {@code userId} (the Instagram code exchange only) and
 * {@code expiresIn} are null when not said.
 */
public record TokenGrant(String accessToken, String userId, Duration expiresIn) {

    /** {@code api.instagram.com/oauth/access_token}: documented {@code {"data":[{...}]}} or flat; user_id a string or a number. */
    static Optional<TokenGrant> instagramCodeExchange(JsonNode body) {
        return bearer(body.path("data").isArray() ? body.path("data").path(0) : body);
    }

    /** {@code {"access_token","token_type","expires_in"}}: the long-lived exchanges, refreshes and the Facebook code exchange. */
    static Optional<TokenGrant> bearer(JsonNode body) {
        JsonNode expiresIn = body.path("expires_in");
        return MetaTransport.text(body, "access_token").map(token -> new TokenGrant(token,
                MetaTransport.text(body, "user_id").orElse(null),
                expiresIn.canConvertToLong() && expiresIn.asLong() > 0 ? Duration.ofSeconds(expiresIn.asLong()) : null));
    }

    @Override
    public String toString() {
        return "TokenGrant[accessToken=***, userId=" + userId + ", expiresIn=" + expiresIn + "]";
    }
}
