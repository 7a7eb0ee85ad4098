package io.feedgram.inbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.post.PostOptions;

import static io.feedgram.post.InstagramLimits.MAX_COLLABORATORS;
import static io.feedgram.post.InstagramLimits.MAX_USERNAME;
import static io.feedgram.post.InstagramLimits.MAX_USER_TAGS;

/** Reads a submission's {@code options}: reel settings, location, collaborators, user tags and the first comment. */
final class OptionsReader {

    private static final Set<String> OPTION_FIELDS = Set.of("share_to_feed", "cover_url", "thumb_offset",
            "location_id", "collaborators", "user_tags", "first_comment");
    private static final Set<String> TAG_FIELDS = Set.of("username", "x", "y");

    private OptionsReader() {
    }

    static PostOptions read(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return PostOptions.NONE;
        }
        if (!node.isObject()) {
            errors.add("options", "must be an object");
            return PostOptions.NONE;
        }
        errors.unknownFields(node, "options.", OPTION_FIELDS);
        Boolean shareToFeed = null;
        JsonNode share = node.get("share_to_feed");
        if (share != null && !share.isNull()) {
            if (share.isBoolean()) {
                shareToFeed = share.booleanValue();
            } else {
                errors.add("options.share_to_feed", "must be true or false");
            }
        }
        URI cover = errors.url(node.get("cover_url"), "options.cover_url", false);
        Long thumbOffset = null;
        JsonNode thumb = node.get("thumb_offset");
        if (thumb != null && !thumb.isNull()) {
            if (thumb.canConvertToLong() && thumb.isIntegralNumber() && thumb.longValue() >= 0) {
                thumbOffset = thumb.longValue();
            } else {
                errors.add("options.thumb_offset", "must be a whole number of milliseconds, 0 or more");
            }
        }
        String locationId = errors.optionalText(node.get("location_id"), "options.location_id", 64);
        List<String> collaborators = collaborators(node.get("collaborators"), errors);
        List<PostOptions.UserTag> userTags = userTags(node.get("user_tags"), errors);
        String firstComment = InboxValidator.captionText(node.get("first_comment"), "options.first_comment", errors);
        return new PostOptions(shareToFeed, cover == null ? null : cover.toString(), thumbOffset, locationId,
                collaborators, userTags, firstComment);
    }

    private static List<String> collaborators(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() > MAX_COLLABORATORS) {
            errors.add("options.collaborators", "must be an array of at most " + MAX_COLLABORATORS + " usernames");
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode name = node.get(i);
            if (name.isTextual() && !name.asText().isBlank() && name.asText().trim().length() <= MAX_USERNAME) {
                names.add(name.asText().trim());
            } else if (name.isTextual() && !name.asText().isBlank()) {
                errors.add("options.collaborators[" + i + "]", "is longer than Instagram's " + MAX_USERNAME + " characters");
            } else {
                errors.add("options.collaborators[" + i + "]", "must be a username");
            }
        }
        return names;
    }

    private static List<PostOptions.UserTag> userTags(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() > MAX_USER_TAGS) {
            errors.add("options.user_tags", "must be an array of at most " + MAX_USER_TAGS + " tags");
            return null;
        }
        List<PostOptions.UserTag> tags = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "options.user_tags[" + i + "]";
            JsonNode tag = node.get(i);
            if (!tag.isObject()) {
                errors.add(path, "must be an object");
                continue;
            }
            errors.unknownFields(tag, path + ".", TAG_FIELDS);
            String username = new FieldErrors(path + ".", errors).requiredText(tag, "username");
            if (username != null && username.length() > MAX_USERNAME) {
                errors.add(path + ".username", "is longer than Instagram's " + MAX_USERNAME + " characters");
            }
            Double x = coordinate(tag.get("x"), path + ".x", errors);
            Double y = coordinate(tag.get("y"), path + ".y", errors);
            tags.add(new PostOptions.UserTag(username, x, y));
        }
        return tags;
    }

    private static Double coordinate(JsonNode node, String field, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.doubleValue() < 0 || node.doubleValue() > 1) {
            errors.add(field, "must be a number from 0 to 1");
            return null;
        }
        return node.doubleValue();
    }
}
