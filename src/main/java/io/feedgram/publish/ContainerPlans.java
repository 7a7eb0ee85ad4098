package io.feedgram.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.post.Post;
import org.springframework.stereotype.Component;

/** A post's {@link ContainerPlan} with the configured share-to-feed default, as every step plans it. */
@Component
public class ContainerPlans {

    private final PublishingProperties settings;
    private final ObjectMapper json;

    public ContainerPlans(PublishingProperties settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    public ContainerPlan of(Post post) {
        return ContainerPlan.of(post, settings.shareToFeed(), json);
    }
}
