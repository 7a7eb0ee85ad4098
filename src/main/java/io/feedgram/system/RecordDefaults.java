package io.feedgram.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * Each {@code feedgram.*} default is written once, on its configuration record. Routes read some
 * of the same keys as placeholders ({@code {{feedgram.fetch.check}}}); so that they need no
 * second default, the records' defaults are published here as the lowest-precedence property
 * source. Anything configured (application.yaml, environment, arguments) still wins.
 */
class RecordDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "feedgram-record-defaults";
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults()));
    }

    static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Binder empty = new Binder(new MapConfigurationPropertySource());
        for (JsonNode group : metadata().path("groups")) {
            if (group.has("sourceMethod") || !group.path("name").asText().startsWith("feedgram")) {
                continue;                                 // nested records are reached through their parent
            }
            Class<?> type = ClassUtils.resolveClassName(group.path("type").asText(), RecordDefaults.class.getClassLoader());
            if (type.isRecord()) {
                String prefix = group.path("name").asText();
                flatten(prefix, empty.bindOrCreate(prefix, type), defaults);
            }
        }
        return defaults;
    }

    /**
     * The configuration metadata the build generates lists every configuration record: reading it
     * is cheaper at start-up than scanning the classpath a second time.
     */
    private static JsonNode metadata() {
        try (InputStream in = RecordDefaults.class.getClassLoader().getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IllegalStateException(METADATA + " is missing: build with Maven, which generates it");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(METADATA + " cannot be read", e);
        }
    }

    private static void flatten(String prefix, Object record, Map<String, Object> into) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                component.getAccessor().setAccessible(true);          // some records are package-private
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
            String key = prefix + "." + kebab(component.getName());
            if (value == null || value instanceof Iterable<?> || value instanceof Map<?, ?>) {
                continue;
            }
            if (value.getClass().isRecord()) {
                flatten(key, value, into);
            } else if (value instanceof Duration duration) {
                into.put(key, String.valueOf(duration.toMillis()));   // milliseconds: what Camel and Spring both read
            } else if (value instanceof DataSize size) {
                into.put(key, String.valueOf(size.toBytes()));
            } else {
                into.put(key, value.toString());
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
