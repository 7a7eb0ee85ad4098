package io.feedgram.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code fields} parameter: which fields a read returns ({@code id} when omitted), and the
 * 100 error Graph answers for a field the node does not have. Nested selections such as
 * {@code children{media_url}} are accepted and read as the bare field name.
 */
record FieldSelection(List<String> names) {

    static FieldSelection of(GraphParameters params, String fallback) {
        String raw = params.text("fields").orElse(fallback);
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                addName(names, current);
            } else if (depth == 0) {
                current.append(c);
            }
        }
        addName(names, current);
        return new FieldSelection(List.copyOf(names));
    }

    /** The requested fields out of {@code available}; absent values (no caption, say) are left out. */
    Map<String, Object> select(Map<String, Object> available, Set<String> known, String nodeType) {
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String name : names) {
            if (!known.contains(name)) {
                throw GraphError.nonexistingField(name, nodeType).toException();
            }
            Object value = available.get(name);
            if (value != null) {
                selected.put(name, value);
            }
        }
        return selected;
    }

    private static void addName(List<String> names, StringBuilder current) {
        String name = current.toString().trim();
        if (!name.isEmpty() && !names.contains(name)) {
            names.add(name);
        }
        current.setLength(0);
    }
}
