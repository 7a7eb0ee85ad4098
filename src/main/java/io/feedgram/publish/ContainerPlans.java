package io.feedgram.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.media.PreparedMedia;
import io.feedgram.post.Post;
import org.springframework.stereotype.Component;

/** A post's {@link ContainerPlan} with the configured share-to-feed default, as every step plans it. */
@Component
public class ContainerPlans {

    private final PublishingProperties settings;
    private final PreparedMedia prepared;
    private final ObjectMapper json;

    public ContainerPlans(PublishingProperties settings, PreparedMedia prepared, ObjectMapper json) {
        this.settings = settings;
        this.prepared = prepared;
        this.json = json;
    }

    /** The post's plan: its containers and what is published, for the steps that follow creation. */
    public ContainerPlan of(Post post) {
        return ContainerPlan.of(post, settings.shareToFeed(), json);
    }

    /** The plan to create containers with: the URLs Instagram fetches, the originals or the copies Feedgram made. */
    public ContainerPlan toCreate(Post post) {
        return ContainerPlan.of(prepared.publishable(post), settings.shareToFeed(), json);
    }
}
