package io.feedgram.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletRequest;

/** Reads a Graph call's parameters and token the way Meta accepts them (docs/instagram.md#requests). */
@SandboxBean
final class GraphRequestReader {

    /** Parameters whose values are lists: comma lists, {@code [a,b]}, strict or relaxed JSON. */
    private static final Set<String> LIST_PARAMETERS = Set.of("children", "collaborators", "user_tags", "product_tags");

    private final ObjectMapper strict;
    /** Accepts the relaxed JSON of Meta's own samples: {@code [{username:'x',x:0.5}]}. */
    private final ObjectMapper relaxed = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    GraphRequestReader(ObjectMapper strict) {
        this.strict = strict;
    }

    GraphParameters read(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, given) -> values.put(name, given.length == 0 ? "" : given[0]));
        if (isJson(request.getContentType())) {
            values.putAll(readJsonBody(request));
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String name : LIST_PARAMETERS) {
            if (values.containsKey(name)) {
                lists.put(name, parseList(values.get(name)));
            }
        }
        Optional<String> token = Optional.ofNullable(values.get("access_token"))
                .or(() -> bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION)));
        return new GraphParameters(values, lists, token);
    }

    List<String> parseList(String raw) {
        String text = raw.trim();
        if (text.startsWith("[")) {
            try {
                JsonNode array = relaxed.readTree(text);
                List<String> items = new ArrayList<>();
                array.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
                return items;
            } catch (JsonProcessingException notJson) {
                text = text.substring(1, text.endsWith("]") ? text.length() - 1 : text.length());
            }
        }
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .map(GraphRequestReader::unquote)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private Map<String, String> readJsonBody(HttpServletRequest request) {
        JsonNode body;
        try {
            body = strict.readTree(request.getInputStream());
        } catch (IOException e) {
            throw GraphError.invalidParameter("The request body is not valid JSON").toException();
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (body == null || body.isMissingNode() || body.isNull()) {
            return values;
        }
        if (!body.isObject()) {
            throw GraphError.invalidParameter("The request body must be a JSON object").toException();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            values.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
        }
        return values;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length == 2 && (parts[0].equalsIgnoreCase("Bearer") || parts[0].equalsIgnoreCase("OAuth"))) {
            return Optional.of(parts[1].trim());
        }
        return Optional.empty();
    }

    private static String unquote(String item) {
        if (item.length() >= 2 && (item.startsWith("\"") && item.endsWith("\"") || item.startsWith("'") && item.endsWith("'"))) {
            return item.substring(1, item.length() - 1);
        }
        return item;
    }
}
