package io.feedgram.inbox;

import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedgram.api.ApiProblem;
import io.feedgram.api.FieldError;
import io.feedgram.media.MediaUploads;
import io.feedgram.system.DurableWrites;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.file.GenericFile;
import org.springframework.stereotype.Component;

/**
 * The inbox's door for users' own routes ({@code direct:feedgram-post}, wrapped by the
 * instagram-post-sink Kamelet). The message becomes the inbox's JSON, which then passes exactly
 * what an API submission passes ({@link Inbox#accept}): the body is that JSON (text, bytes, a stream), a
 * map of it, or the media themselves (a file, or a list of files and URLs); the headers below set
 * or override its fields. Files are kept as uploads, as {@code POST /api/v1/media} keeps them.
 * The post's id and status come back in headers; a refusal is a {@link PostRefusedException}
 * naming the same fields the API's problem would.
 */
@Component
public class RouteInbox {

    public static final String ACCOUNT = "FeedgramAccount";
    public static final String KIND = "FeedgramKind";
    public static final String CAPTION = "FeedgramCaption";
    public static final String MEDIA = "FeedgramMedia";
    public static final String OPTIONS = "FeedgramOptions";
    public static final String PUBLISH_AT = "FeedgramPublishAt";
    public static final String IDEMPOTENCY_KEY = "FeedgramIdempotencyKey";
    public static final String POST_ID = "FeedgramPostId";
    public static final String POST_STATUS = "FeedgramPostStatus";

    /** Posts from routes are marked so, and their idempotency keys share one scope. */
    static final String SOURCE = "route";

    /** Headers that set a text field of the inbox's JSON, and the field they set. */
    private static final Map<String, String> TEXT_FIELDS = Map.of(ACCOUNT, "account", KIND, "kind",
            CAPTION, "caption", PUBLISH_AT, "publish_at");

    private final Inbox inbox;
    private final MediaUploads uploads;
    private final ObjectMapper json;
    private final DurableWrites durable;

    public RouteInbox(Inbox inbox, MediaUploads uploads, ObjectMapper json, DurableWrites durable) {
        this.inbox = inbox;
        this.uploads = uploads;
        this.json = json;
        this.durable = durable;
    }

    /** Queues the message's post and sets {@value #POST_ID} and {@value #POST_STATUS}; the body is left as it was. */
    public void submit(Exchange exchange) {
        Message message = exchange.getMessage();
        try {
            String key = message.getHeader(IDEMPOTENCY_KEY, String.class);
            Inbox.checkIdempotencyKey(key);
            PostView post = inbox.accept(submission(message), SOURCE,
                    key == null ? null : Inbox.sourceKey(SOURCE, SOURCE, key));
            // Durable before the route goes on: a file consumer, say, moves its file away once the route is done.
            durable.await();
            message.setHeader(POST_ID, post.id());
            message.setHeader(POST_STATUS, post.status());
        } catch (ApiProblem refused) {
            throw new PostRefusedException(refused.errors().isEmpty()
                    ? List.of(new FieldError("body", refused.detail())) : refused.errors());
        }
    }

    /** The inbox's JSON for the message: the body's, with the headers' fields set over it. */
    String submission(Message message) {
        // a stream (an HTTP or queue consumer's body) is read as the text it carries
        Object body = message.getBody() instanceof InputStream || message.getBody() instanceof Reader
                ? message.getBody(String.class) : message.getBody();
        boolean media = isMedia(body);
        Map<String, Object> headers = message.getHeaders();
        if (!media && TEXT_FIELDS.keySet().stream().noneMatch(headers::containsKey)
                && !headers.containsKey(OPTIONS) && !headers.containsKey(MEDIA)) {
            return text(body);   // as the API would receive it, so its reading errors are the API's
        }
        ObjectNode root = media || body == null || body instanceof String text && text.isBlank()
                ? json.createObjectNode() : object(body);
        if (root == null) {
            return text(body);   // not a JSON object: the inbox refuses it as it refuses the API's
        }
        TEXT_FIELDS.forEach((header, field) -> {
            String value = message.getHeader(header, String.class);
            if (value != null) {
                root.put(field, value);
            }
        });
        Object options = message.getHeader(OPTIONS);
        if (options != null) {
            root.set("options", options instanceof String text ? parsed(text, OPTIONS) : json.valueToTree(options));
        }
        Object listed = media ? body : message.getHeader(MEDIA);
        if (listed != null) {
            root.set("media", media(listed));
        }
        return root.toString();
    }

    private ArrayNode media(Object listed) {
        ArrayNode items = json.createArrayNode();
        List<FieldError> refused = new ArrayList<>();
        for (Object item : listed instanceof Collection<?> many ? many : List.of(listed)) {
            Path file = file(item);
            if (file == null) {
                items.addObject().put("url", String.valueOf(item));
                continue;
            }
            try {
                items.addObject().put("upload", uploads.keep(file));
            } catch (ApiProblem problem) {
                refused.add(new FieldError("media[" + (items.size()) + "]", problem.detail()));
                items.addObject();
            }
        }
        if (!refused.isEmpty()) {
            throw new PostRefusedException(refused);
        }
        return items;
    }

    private static boolean isMedia(Object body) {
        return file(body) != null || body instanceof Collection<?>;
    }

    private static Path file(Object item) {
        Object file = item instanceof GenericFile<?> generic ? generic.getFile() : item;
        return file instanceof Path path ? path : file instanceof File plain ? plain.toPath() : null;
    }

    /** The body as a JSON object to set fields on; null when it is none (unreadable JSON, an array). */
    private ObjectNode object(Object body) {
        try {
            JsonNode node = body instanceof Map<?, ?> map ? json.valueToTree(map) : json.readTree(text(body));
            return node instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private JsonNode parsed(String text, String header) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PostRefusedException(List.of(new FieldError(header, "is not valid JSON")));
        }
    }

    private String text(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof Map<?, ?> map) {
            return json.valueToTree(map).toString();
        }
        throw new PostRefusedException(List.of(new FieldError("body", "must be the inbox's JSON (text, bytes, a stream or a map) "
                + "or the media (a file, or a list of files and URLs), not " + body.getClass().getSimpleName())));
    }
}
