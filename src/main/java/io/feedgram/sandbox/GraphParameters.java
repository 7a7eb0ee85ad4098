package io.feedgram.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one Graph call, whatever style they came in (query, form, multipart, JSON),
 * with the JSON-ish list parameters already parsed (docs/instagram.md#requests).
 */
record GraphParameters(Map<String, String> values, Map<String, List<String>> lists, Optional<String> accessToken) {

    GraphParameters {
        values = Map.copyOf(values);
        lists = Map.copyOf(lists);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    boolean flag(String name) {
        return text(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    List<String> list(String name) {
        return lists.getOrDefault(name, List.of());
    }

    /** Everything the caller sent except the token: what the inspection endpoint shows. */
    Map<String, String> withoutToken() {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.remove("access_token");
        return copy;
    }
}
