package io.feedgram.conversation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.api.ApiProblem;
import io.feedgram.api.FieldError;
import io.feedgram.system.Sha256;
import org.springframework.stereotype.Component;

/**
 * The body and Idempotency-Key of a reply request ({@code {"text": "..."}}), checked as Instagram would: the
 * text is required and at most 1000 bytes of UTF-8. Every refusal is a 400 naming the field.
 */
@Component
public class ReplyRequests {

    static final int MAX_TEXT_BYTES = 1000;
    static final int MAX_IDEMPOTENCY_KEY = 255;
    /** A reply is one flat object: anything deeper or longer is not one. */
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(8).maxNumberLength(64).maxNameLength(256).build();

    private final ObjectMapper json;

    public ReplyRequests(ObjectMapper json) {
        this.json = json.copy();
        this.json.getFactory().setStreamReadConstraints(CONSTRAINTS);
    }

    /** The reply's text from the JSON body. */
    public String text(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiProblem.invalid("body", "is not a JSON object like {\"text\": \"...\"}");
        }
        if (root == null || !root.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object: {\"text\": \"...\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals("text")) {
                errors.add(new FieldError(name, "is not a field of a reply"));
            }
        });
        JsonNode text = root.path("text");
        if (!text.isTextual() || text.asText().isBlank()) {
            errors.add(new FieldError("text", "is required: the reply's text"));
        } else if (text.asText().getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            errors.add(new FieldError("text", "must be at most " + MAX_TEXT_BYTES + " bytes of UTF-8 (Instagram's limit)"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return text.asText();
    }

    /** The stored form of an Idempotency-Key (null when none): scoped by API key and by what it creates, hashed. */
    public String key(String apiKey, String scope, String idempotencyKey) {
        if (idempotencyKey == null) {
            return null;
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw ApiProblem.invalid("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        return Sha256.hex(apiKey + "\n" + scope + "\n" + idempotencyKey);
    }
}
