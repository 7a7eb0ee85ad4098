package io.feedgram.system;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * Each {@code feedgram.*} default is written once, on its configuration record. Routes read some
 * of the same keys as placeholders ({@code {{feedgram.publishing.tick}}}); so that they need no
 * second default, the records' defaults are published here as the lowest-precedence property
 * source. Anything configured (application.yaml, environment, arguments) still wins.
 */
class RecordDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "feedgram-record-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults()));
    }

    static Map<String, Object> defaults() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Map<String, Object> defaults = new LinkedHashMap<>();
        Binder empty = new Binder(new MapConfigurationPropertySource());
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.feedgram")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), RecordDefaults.class.getClassLoader());
            ConfigurationProperties binding = type.getAnnotation(ConfigurationProperties.class);
            if (type.isRecord()) {
                String prefix = binding.value().isEmpty() ? binding.prefix() : binding.value();
                flatten(prefix, empty.bindOrCreate(prefix, type), defaults);
            }
        }
        return defaults;
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
