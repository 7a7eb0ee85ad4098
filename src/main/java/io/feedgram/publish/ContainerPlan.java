package io.feedgram.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.post.InstagramLimits;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.Post;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;

/**
 * The Instagram containers a post becomes (docs/instagram.md#container-kinds): one image, one reel, a
 * carousel of 2..10 children plus its parent, or one story per media. Each option goes
 * only where Instagram accepts it, so a valid post never meets a parameter error.
 */
public record ContainerPlan(List<Spec> items, Spec parent) {

    /** One container to create. Publish targets are what media_publish is called on. */
    public record Spec(int position, Map<String, String> parameters, boolean publishTarget, boolean video) {
    }

    /** A post that cannot become any Instagram post, with the reason. */
    public static final class Unpublishable extends RuntimeException {
        Unpublishable(String reason) {
            super(reason);
        }
    }

    public boolean isCarousel() {
        return parent != null;
    }

    /** The parent's parameters, once its children's container ids are known. */
    public Map<String, String> parentParameters(List<String> childIds) {
        Map<String, String> parameters = new LinkedHashMap<>(parent.parameters());
        parameters.put("children", String.join(",", childIds));
        return parameters;
    }

    public static ContainerPlan of(Post post, boolean defaultShareToFeed, ObjectMapper json) {
        List<MediaItem> media = post.media();
        PostOptions options = post.options() == null ? PostOptions.NONE : post.options();
        if (media.isEmpty()) {
            throw new Unpublishable("no image or video");
        }
        if (post.kind() == PostKind.STORY) {
            List<Spec> stories = new ArrayList<>();
            for (int i = 0; i < media.size(); i++) {
                Map<String, String> p = mediaUrl(media.get(i));
                p.put("media_type", "STORIES");
                putJson(p, "user_tags", options.userTags(), json);
                stories.add(new Spec(i, p, true, media.get(i).type() == MediaType.VIDEO));
            }
            return new ContainerPlan(stories, null);
        }
        if (post.kind() == PostKind.REEL && (media.size() != 1 || media.get(0).type() != MediaType.VIDEO)) {
            throw new Unpublishable("a reel needs exactly one video");
        }
        if (media.size() > InstagramLimits.MAX_MEDIA) {
            throw new Unpublishable("Instagram takes at most " + InstagramLimits.MAX_MEDIA + " media in one post, this one has " + media.size());
        }
        if (media.size() == 1) {
            MediaItem only = media.get(0);
            Map<String, String> p = mediaUrl(only);
            put(p, "caption", post.caption());
            put(p, "location_id", options.locationId());
            putJson(p, "collaborators", options.collaborators(), json);
            putJson(p, "user_tags", options.userTags(), json);
            if (only.type() == MediaType.VIDEO) {
                p.put("media_type", "REELS");
                p.put("share_to_feed", String.valueOf(options.shareToFeed() == null ? defaultShareToFeed : options.shareToFeed()));
                put(p, "cover_url", options.coverUrl());
                put(p, "thumb_offset", options.thumbOffset() == null ? null : options.thumbOffset().toString());
            } else {
                put(p, "alt_text", only.altText());
            }
            return new ContainerPlan(List.of(new Spec(0, p, true, only.type() == MediaType.VIDEO)), null);
        }
        List<Spec> children = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            MediaItem item = media.get(i);
            Map<String, String> p = mediaUrl(item);
            p.put("is_carousel_item", "true");
            if (item.type() == MediaType.VIDEO) {
                p.put("media_type", "VIDEO");       // without it Instagram assumes an image
            } else {
                put(p, "alt_text", item.altText());
            }
            children.add(new Spec(i, p, false, item.type() == MediaType.VIDEO));
        }
        Map<String, String> parent = new LinkedHashMap<>();
        parent.put("media_type", "CAROUSEL");
        put(parent, "caption", post.caption());
        put(parent, "location_id", options.locationId());
        putJson(parent, "collaborators", options.collaborators(), json);
        return new ContainerPlan(children, new Spec(io.feedgram.post.Container.PARENT, parent, true, false));
    }

    private static Map<String, String> mediaUrl(MediaItem item) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(item.type() == MediaType.VIDEO ? "video_url" : "image_url", item.url());
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value);
        }
    }

    private static void putJson(Map<String, String> p, String key, List<?> value, ObjectMapper json) {
        if (value == null || value.isEmpty()) {
            return;
        }
        try {
            p.put(key, json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new Unpublishable(key + " cannot be written as JSON");
        }
    }
}
