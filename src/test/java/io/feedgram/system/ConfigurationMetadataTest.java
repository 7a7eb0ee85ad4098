package io.feedgram.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metadata the configuration processor writes from the properties records' Javadoc: IDEs and
 * {@code spring-boot-properties-migrator} show it, so every Feedgram key must say what it does.
 */
class ConfigurationMetadataTest {

    private static final Map<String, JsonNode> PROPERTIES = new HashMap<>();

    @BeforeAll
    static void readMetadata() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json on the classpath").isNotNull();
            new ObjectMapper().readTree(in).path("properties")
                    .forEach(property -> PROPERTIES.put(property.path("name").asText(), property));
        }
    }

    @Test
    void everyFeedgramKeyIsDescribed() {
        assertThat(PROPERTIES.values())
                .filteredOn(property -> property.path("name").asText().startsWith("feedgram."))
                .isNotEmpty()
                .allSatisfy(property -> assertThat(property.path("description").asText())
                        .as(property.path("name").asText()).isNotBlank());
    }

    @Test
    void wellKnownKeysArePresent() {
        assertThat(PROPERTIES).containsKeys("feedgram.api.keys", "feedgram.publishing.min-interval",
                "feedgram.sandbox.enabled", "feedgram.public-url");
    }

    @Test
    void deprecatedAliasesNameTheirReplacement() {
        assertThat(PROPERTIES.get("feedgram.connect.public-url").at("/deprecation/replacement").asText())
                .isEqualTo("feedgram.public-url");
        assertThat(PROPERTIES.get("feedgram.inbox.api-keys").at("/deprecation/replacement").asText())
                .isEqualTo("feedgram.api.keys");
    }
}
