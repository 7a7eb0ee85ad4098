package io.feedgram.inbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedgram.api.FieldError;

import static io.feedgram.post.InstagramLimits.MAX_URL;

/**
 * The offending fields of a submission found so far, and the readers of the field shapes that
 * recur in it (required and optional text, URLs). A prefixed view writes into its parent's list.
 */
final class FieldErrors {

    private static final int SHOWN_NAME = 64;

    private final String prefix;
    final List<FieldError> list;

    FieldErrors() {
        this.prefix = "";
        this.list = new ArrayList<>();
    }

    FieldErrors(String prefix, FieldErrors parent) {
        this.prefix = prefix;
        this.list = parent.list;
    }

    void add(String field, String message) {
        list.add(new FieldError(prefix + field, message));
    }

    void unknownFields(JsonNode object, String path, Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                add(path + (name.length() > SHOWN_NAME ? name.substring(0, SHOWN_NAME) + "…" : name),
                        "is not a known field");
            }
        }
    }

    String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            add(field, "is required");
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            add(field, "must be a non-empty string");
            return null;
        }
        return node.asText().trim();
    }

    String optionalText(JsonNode node, String field, int max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            add(field, "must be a string");
            return null;
        }
        if (node.asText().length() > max) {
            add(field, "is longer than " + max + " characters");
            return null;
        }
        return node.asText().isBlank() ? null : node.asText();
    }

    URI url(JsonNode node, String field, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            add(field, "must be a string");
            return null;
        }
        String text = node.asText().trim();
        if (text.length() > MAX_URL) {
            add(field, "is longer than " + MAX_URL + " characters");
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        add(field, "must be an absolute http or https URL");
        return null;
    }
}
