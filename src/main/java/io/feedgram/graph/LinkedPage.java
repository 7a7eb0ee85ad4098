package io.feedgram.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** A Facebook Page with a linked Instagram professional account, as {@code me/accounts} lists it. */
public record LinkedPage(String pageId, String name, String pageToken, String igUserId) {

    /** The Pages of one {@code me/accounts} list that carry an {@code instagram_business_account}. */
    static List<LinkedPage> of(JsonNode list) {
        List<LinkedPage> linked = new ArrayList<>();
        for (JsonNode page : list.path("data")) {
            Optional<String> igUserId = MetaTransport.text(page.path("instagram_business_account"), "id");
            Optional<String> token = MetaTransport.text(page, "access_token");
            if (igUserId.isPresent() && token.isPresent()) {
                linked.add(new LinkedPage(MetaTransport.text(page, "id").orElse(null),
                        MetaTransport.text(page, "name").orElse(null), token.get(), igUserId.get()));
            }
        }
        return linked;
    }

    @Override
    public String toString() {
        return "LinkedPage[pageId=" + pageId + ", name=" + name + ", igUserId=" + igUserId + ", pageToken=***]";
    }
}
