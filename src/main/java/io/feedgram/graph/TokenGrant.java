package io.feedgram.graph;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** A token Instagram or Facebook issued, and how long it lives (null when it was not said). */
public record TokenGrant(String accessToken, Duration expiresIn) {

    static TokenGrant of(JsonNode body) {
        String token = body.path("access_token").asText(null);
        if (token == null) {
            throw new GraphException.Unanswered("the token endpoint answered without an access_token", null);
        }
        long seconds = body.path("expires_in").asLong(0);
        return new TokenGrant(token, seconds > 0 ? Duration.ofSeconds(seconds) : null);
    }

    @Override
    public String toString() {
        return "TokenGrant[accessToken=***, expiresIn=" + expiresIn + "]";
    }
}
