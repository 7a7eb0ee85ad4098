package io.feedgram.graph;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** The Instagram user {@code /me?fields=user_id,username} answers for. */
public record Identity(String igUserId, String username) {

    static Optional<Identity> of(JsonNode body) {
        String id = MetaTransport.text(body, "user_id").or(() -> MetaTransport.text(body, "id")).orElse(null);
        return id == null ? Optional.empty()
                : Optional.of(new Identity(id, MetaTransport.text(body, "username").orElse(null)));
    }
}
