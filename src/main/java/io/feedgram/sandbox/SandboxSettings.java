package io.feedgram.sandbox;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sandbox properties in force: the configured ones, optionally overridden at run time
 * through {@code POST /sandbox/_config} so a test can lower the quota without a new context.
 */
@SandboxBean
public final class SandboxSettings {

    private final SandboxProperties configured;
    private final ObjectMapper mapper;
    private final AtomicReference<SandboxProperties> current;

    SandboxSettings(SandboxProperties configured, ObjectMapper mapper) {
        this.configured = configured;
        this.mapper = mapper;
        this.current = new AtomicReference<>(configured);
    }

    public SandboxProperties current() {
        return current.get();
    }

    /** Deep-merges {@code overrides} (camelCase property names) over the settings in force. */
    public SandboxProperties override(JsonNode overrides) {
        if (overrides == null || !overrides.isObject()) {
            throw new IllegalArgumentException("expected a JSON object of settings");
        }
        // Who may call the controls and where logins may send the browser are the perimeter: configuration, not state.
        if (overrides.has("controlFrom") || overrides.path("oauth").has("redirectUris")) {
            throw new IllegalArgumentException("controlFrom and oauth.redirectUris are fixed at start-up");
        }
        ObjectNode merged = mapper.valueToTree(current.get());
        merge(merged, (ObjectNode) overrides);
        try {
            SandboxProperties updated = mapper.treeToValue(merged, SandboxProperties.class);
            current.set(updated);
            return updated;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("invalid settings: " + e.getOriginalMessage());
        }
    }

    public void reset() {
        current.set(configured);
    }

    private static void merge(ObjectNode target, ObjectNode overrides) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode existing = target.get(entry.getKey());
            if (existing == null) {
                throw new IllegalArgumentException("unknown setting: " + entry.getKey());
            }
            if (existing.isObject() && entry.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) entry.getValue());
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        }
    }
}
