package io.feedgram.inbox;

import io.feedgram.api.ApiProblem;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.post.InstagramLimits;
import io.feedgram.post.MediaItem;
import io.feedgram.post.MediaType;
import io.feedgram.post.PostKind;
import io.feedgram.post.PostOptions;

import static io.feedgram.post.InstagramLimits.MAX_ALT_TEXT;
import static io.feedgram.post.InstagramLimits.MAX_CAPTION;
import static io.feedgram.post.InstagramLimits.MAX_HASHTAGS;
import static io.feedgram.post.InstagramLimits.MAX_MEDIA;
import static io.feedgram.post.InstagramLimits.MAX_MENTIONS;

/**
 * Reads a submitted post and checks it against Instagram's limits, collecting every
 * offending field before it answers, so a client fixes its request in one round. Unknown
 * fields are refused too: a misspelt {@code publishAt} must not silently publish at once.
 */
public final class InboxValidator {

    private static final Map<String, MediaType> EXTENSIONS = Map.of(
            "jpg", MediaType.IMAGE, "jpeg", MediaType.IMAGE, "png", MediaType.IMAGE, "webp", MediaType.IMAGE,
            "mp4", MediaType.VIDEO, "mov", MediaType.VIDEO, "m4v", MediaType.VIDEO);
    private static final Set<String> FIELDS = Set.of("account", "caption", "media", "kind", "publish_at", "options");
    private static final Set<String> MEDIA_FIELDS = Set.of("url", "upload", "type", "alt_text");
    /** An id {@code POST /api/v1/media} answered; the media Inbox resolves it to is served by Feedgram. */
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{32}\\.(jpg|png|webp|gif|bmp|mp4|mov)");
    /** A media item named by an upload id until the inbox resolves it to the upload's URL. */
    static final String UPLOAD = "upload:";

    /** How far ahead a post may be scheduled. */
    static final Duration MAX_SCHEDULE = Duration.ofDays(366);
    /** Far below Jackson's own limits: no real post nests, counts or names this much. */
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(32).maxNumberLength(64).maxNameLength(256).build();

    private final ObjectMapper json;
    private final Clock clock;

    public InboxValidator(ObjectMapper json, Clock clock) {
        this.json = json.copy();
        this.json.getFactory().setStreamReadConstraints(CONSTRAINTS);
        this.clock = clock;
    }

    /** The submission in {@code body}; a 400 {@link ApiProblem} naming every offending field otherwise. */
    public Submission read(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ApiProblem.invalid("body", "nests, counts or names more than a post can (at most " + 32
                    + " levels, 64-digit numbers, 256-character names)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw ApiProblem.invalid("body", "is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object");
        }
        FieldErrors errors = new FieldErrors();
        errors.unknownFields(root, "", FIELDS);

        String account = errors.requiredText(root, "account");
        PostKind kind = kind(root.get("kind"), errors);
        String caption = captionText(root.get("caption"), "caption", errors);
        List<MediaItem> media = media(root.get("media"), errors);
        Instant publishAt = publishAt(root.get("publish_at"), clock.instant(), errors);
        PostOptions options = OptionsReader.read(root.get("options"), errors);
        if (kind == PostKind.REEL && media != null
                && (media.size() != 1 || media.get(0).type() != MediaType.VIDEO)) {
            errors.add("media", "a REEL needs exactly one video");
        }
        if (!errors.list.isEmpty()) {
            throw ApiProblem.invalid(errors.list);
        }
        return new Submission(account, kind, caption, media, options, publishAt);
    }


    private static PostKind kind(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return PostKind.FEED;
        }
        try {
            return PostKind.valueOf(node.isTextual() ? node.asText() : "");
        } catch (IllegalArgumentException e) {
            errors.add("kind", "must be one of FEED, REEL, STORY");
            return null;
        }
    }

    /** A caption, or text held to a caption's limits (a first comment): characters, hashtags, @mentions. */
    static String captionText(JsonNode node, String field, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(field, "must be a string");
            return null;
        }
        String caption = node.asText();
        int length = caption.codePointCount(0, caption.length());
        if (length > MAX_CAPTION) {
            errors.add(field, "has " + length + " characters, more than " + MAX_CAPTION);
        }
        int hashtags = InstagramLimits.hashtags(caption);
        if (hashtags > MAX_HASHTAGS) {
            errors.add(field, "has " + hashtags + " hashtags, more than " + MAX_HASHTAGS);
        }
        int mentions = InstagramLimits.mentions(caption);
        if (mentions > MAX_MENTIONS) {
            errors.add(field, "has " + mentions + " @mentions, more than " + MAX_MENTIONS);
        }
        return caption.isBlank() ? null : caption;
    }

    private static List<MediaItem> media(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            errors.add("media", "is required");
            return null;
        }
        if (!node.isArray()) {
            errors.add("media", "must be an array");
            return null;
        }
        if (node.isEmpty() || node.size() > MAX_MEDIA) {
            errors.add("media", "must hold 1 to " + MAX_MEDIA + " items, not " + node.size());
        }
        List<MediaItem> media = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "media[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                errors.add(path, "must be an object");
                continue;
            }
            errors.unknownFields(item, path + ".", MEDIA_FIELDS);
            if (item.hasNonNull("upload")) {
                uploaded(item, path, errors).ifPresent(media::add);
                continue;
            }
            URI url = errors.url(item.get("url"), path + ".url", true);
            MediaType type = mediaType(item.get("type"), url, path + ".type", errors);
            String altText = errors.optionalText(item.get("alt_text"), path + ".alt_text", MAX_ALT_TEXT);
            if (url != null && type != null) {
                media.add(new MediaItem(url.toString(), type, altText));
            }
        }
        return media.size() == node.size() ? media : null;
    }


    /** {@code {"upload": "<id>"}}: the type follows from the upload's extension. */
    private static java.util.Optional<MediaItem> uploaded(JsonNode item, String path, FieldErrors errors) {
        JsonNode id = item.get("upload");
        if (item.hasNonNull("url")) {
            errors.add(path, "takes a url or an upload, not both");
            return java.util.Optional.empty();
        }
        if (!id.isTextual() || !UPLOAD_ID.matcher(id.asText()).matches()) {
            errors.add(path + ".upload", "must be an id that POST /api/v1/media answered");
            return java.util.Optional.empty();
        }
        MediaType type = id.asText().endsWith(".mp4") || id.asText().endsWith(".mov") ? MediaType.VIDEO : MediaType.IMAGE;
        String altText = errors.optionalText(item.get("alt_text"), path + ".alt_text", MAX_ALT_TEXT);
        return java.util.Optional.of(new MediaItem(UPLOAD + id.asText(), type, altText));
    }

    private static MediaType mediaType(JsonNode node, URI url, String field, FieldErrors errors) {
        if (node != null && !node.isNull()) {
            try {
                return MediaType.valueOf(node.isTextual() ? node.asText() : "");
            } catch (IllegalArgumentException e) {
                errors.add(field, "must be IMAGE or VIDEO");
                return null;
            }
        }
        if (url == null) {
            return null;
        }
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        MediaType inferred = dot < 0 || path.indexOf('/', dot) >= 0 ? null : EXTENSIONS.get(path.substring(dot + 1));
        if (inferred == null) {
            errors.add(field, "is required when the URL does not end in .jpg, .jpeg, .png, .webp, .mp4, .mov or .m4v");
        }
        return inferred;
    }

    private static Instant publishAt(JsonNode node, Instant now, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (node.isTextual()) {
                Instant at = OffsetDateTime.parse(node.asText()).toInstant();
                if (at.isAfter(now.plus(MAX_SCHEDULE))) {
                    errors.add("publish_at", "must be at most " + MAX_SCHEDULE.toDays() + " days from now");
                    return null;
                }
                return at;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        errors.add("publish_at", "must be an ISO-8601 date-time with an offset, like 2030-01-31T09:00:00Z");
        return null;
    }





}
