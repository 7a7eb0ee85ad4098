package io.feedgram.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the suite runs, so the production shape is checked as text: every
 * variable docker-compose.yml gives Feedgram must bind to a real configuration key (Spring's own
 * relaxed binding, against the configuration metadata of Feedgram, Spring Boot and Camel), the
 * topology is the one the README describes, and the image builds with the README's command.
 */
class ComposeFileTest {

    /** Prefixes of the variables Spring binds; anything else in the file would be silently ignored. */
    private static final Pattern BOUND = Pattern.compile("(FEEDGRAM|SPRING|MANAGEMENT|LOGGING|SERVER|CAMEL)_.*");
    /** Indices tried for list keys: the compose file declares the first entries of a list. */
    private static final int INDICES = 4;
    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static Map<String, Object> compose;
    private static final Set<String> KEYS = new LinkedHashSet<>();

    @BeforeAll
    static void read() throws IOException {
        compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        ObjectMapper json = new ObjectMapper();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String file : List.of("spring-configuration-metadata.json", "additional-spring-configuration-metadata.json")) {
            for (Resource resource : resolver.getResources("classpath*:META-INF/" + file)) {
                try (InputStream in = resource.getInputStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        addKeys(property.path("name").asText(), property.path("type").asText(""));
                    }
                }
            }
        }
    }

    /** The key itself, and for a list the indexed key, or each component of a list of our records. */
    private static void addKeys(String name, String type) {
        KEYS.add(name);
        Matcher list = Pattern.compile("java\\.util\\.List<(.+)>").matcher(type);
        if (!list.matches()) {
            return;
        }
        Class<?> element = record(list.group(1));
        for (int i = 0; i < INDICES; i++) {
            String indexed = name + "[" + i + "]";
            if (element == null) {
                KEYS.add(indexed);
                continue;
            }
            for (var component : element.getRecordComponents()) {
                KEYS.add(indexed + "." + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase());
            }
        }
    }

    /** The record class of that name, or null for anything else (a String, a type not on the classpath). */
    private static Class<?> record(String type) {
        try {
            Class<?> element = Class.forName(type);
            return element.isRecord() ? element : null;
        } catch (ClassNotFoundException | LinkageError notAClass) {
            return null;
        }
    }

    @Test
    void everyVariableBindsToARealKey() {
        Map<String, Object> environment = feedgram("environment");
        List<String> bound = environment.keySet().stream().filter(name -> BOUND.matcher(name).matches()).toList();
        assertThat(bound).as("variables Spring binds").hasSizeGreaterThan(15);
        assertThat(bound.stream().filter(variable -> !binds(variable)).toList())
                .as("variables that bind to no configuration key").isEmpty();
    }

    @Test
    void aMisspeltVariableIsCaught() {
        assertThat(List.of("FEEDGRAM_PUBLISHING_MIN_INTERVALL", "FEEDGRAM_ACCOUNTS_0_TOKEN", "SPRING_DATASOURCE_URI"))
                .noneMatch(ComposeFileTest::binds);
    }

    /** Whether Spring, reading the variable from the environment, would bind it to a known key. */
    private static boolean binds(String variable) {
        ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "x")));
        return KEYS.stream().anyMatch(key -> source.getConfigurationProperty(ConfigurationPropertyName.of(key)) != null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresWithAVolumeAndAHealthCheck() {
        Map<String, Object> db = service("db");
        assertThat((String) db.get("image")).startsWith("postgres:");
        assertThat((List<?>) db.get("volumes")).anySatisfy(volume -> assertThat(volume.toString()).startsWith("db-data:"));
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("db-data", "media");
        assertThat(db).containsKey("healthcheck");
    }

    @Test
    void twoReplicasReadyAfterTheDatabaseWithSecretsFromEnvFile() {
        Map<String, Object> feedgram = service("feedgram");
        assertThat(feedgram("deploy")).containsEntry("replicas", 2);
        assertThat(feedgram("depends_on")).extractingByKey("db").isEqualTo(Map.of("condition", "service_healthy"));
        assertThat(feedgram("healthcheck").get("test").toString()).contains("/actuator/health/readiness");
        Map<String, Object> environment = feedgram("environment");
        assertThat(environment.get("FEEDGRAM_SECURITY_ENCRYPTION_KEY").toString()).startsWith("${");
        assertThat(environment.get("FEEDGRAM_API_KEYS_0").toString()).startsWith("${");
        assertThat(feedgram).doesNotContainKey("env_file");
    }

    @Test
    void envExampleDeclaresEveryVariableTheFileReadsAndEnvIsNotCommitted() throws IOException {
        String file = Files.readString(ROOT.resolve("docker-compose.yml"));
        Set<String> read = new LinkedHashSet<>();
        Matcher reference = Pattern.compile("\\$\\{([A-Z_0-9]+)").matcher(file);
        while (reference.find()) {
            read.add(reference.group(1));
        }
        List<String> declared = Files.readAllLines(ROOT.resolve(".env.example")).stream()
                .filter(line -> line.matches("[A-Z_0-9]+=.*")).map(line -> line.substring(0, line.indexOf('='))).toList();
        assertThat(declared).containsAll(read);
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains(".env");
    }

    @Test
    void theImageBuildsWithTheReadmesCommandAndRunsAsNonRoot() throws IOException {
        List<String> dockerfile = Files.readAllLines(ROOT.resolve("Dockerfile"));
        String readmeBuild = readmeProductionCommands().stream().filter(line -> line.startsWith("mvn ")).findFirst()
                .orElseThrow(() -> new AssertionError("README's \"Run it in production\" has no mvn command"));
        List<String> mavenRuns = dockerfile.stream().filter(line -> line.startsWith("RUN ") && line.contains(" mvn "))
                .map(line -> line.substring(line.indexOf("mvn "))).toList();
        assertThat(mavenRuns).containsExactly(readmeBuild);
        assertThat(dockerfile).anyMatch(line -> line.matches("FROM eclipse-temurin:17-jre.*"));
        assertThat(dockerfile).anyMatch(line -> line.contains("-Djarmode=tools") && line.contains("--layers"));
        assertThat(dockerfile.stream().filter(line -> line.startsWith("USER ")).toList()).containsExactly("USER feedgram");
    }

    /** The lines of the shell blocks under README's "Run it in production". */
    private static List<String> readmeProductionCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Run it in production");
        assertThat(start).as("README section \"Run it in production\"").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> commands = new ArrayList<>();
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            Stream.of(block.group(1).split("\\n")).map(line -> line.replaceAll("\\s+#.*", "").trim()).forEach(commands::add);
        }
        return commands;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> feedgram(String key) {
        return (Map<String, Object>) service("feedgram").get(key);
    }
}
