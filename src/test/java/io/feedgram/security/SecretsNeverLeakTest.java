package io.feedgram.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, point 3: after every other test class (ordered last), everything the application
 * logged and every answer it returned during the suite holds none of the tokens, app secrets,
 * API keys or encryption keys the suite used, nor any token the sandbox issued (Meta's
 * {@code IGAA...} / {@code EAA...} shapes). The answers include every dashboard page and fragment
 * the suite rendered (issue 13): {@link ResponseRecorder} records them like any Spring MVC answer.
 */
@Order(Integer.MAX_VALUE)
class SecretsNeverLeakTest {

    private static final Pattern CONFIGURED = Pattern.compile(
            "(?:access-token|app-secret|api-keys\\[\\d+]|api\\.keys\\[\\d+]|encryption-key)=([^\"\\s,]+)");
    private static final Pattern ISSUED = Pattern.compile("\\b(?:IGAA|EAA)[A-Za-z0-9_-]{8,}");

    @Test
    void noSecretInAnythingLoggedOrReturned() throws IOException {
        String logged = read(Path.of("target/test-output/feedgram.log"));
        String returned = read(ResponseRecorder.FILE);
        // The capture itself worked: the suite logged publishes and the API answered.
        assertThat(logged).as("this check reads what the whole suite logged; run it with the suite").contains("-> PUBLISHED");
        assertThat(returned).contains("api-post-get 200");
        assertThat(returned).as("the dashboard's pages were recorded").contains("GET /posts -> 200",
                "GET /accounts -> 200", "GET /feeds -> 200", "GET /totals -> 200", "name=\"_csrf\"");

        Set<String> secrets = configuredSecrets();
        assertThat(secrets).as("secrets found in the test configuration").hasSizeGreaterThan(5);
        for (String secret : secrets) {
            assertThat(logged).as("the log holds %s", mask(secret)).doesNotContain(secret);
            assertThat(returned).as("an answer holds %s", mask(secret)).doesNotContain(secret);
        }
        assertThat(tokensIn(logged)).as("token-shaped strings in the log").isEmpty();
        assertThat(tokensIn(returned)).as("token-shaped strings in answers").isEmpty();
    }

    /** Every token, app secret, API key and encryption key written in the tests' configuration. */
    private static Set<String> configuredSecrets() throws IOException {
        Set<String> secrets = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CONFIGURED.matcher(Files.readString(source));
                while (m.find()) {
                    if (!m.group(1).startsWith("\"") && m.group(1).length() >= 6) {
                        secrets.add(m.group(1));
                    }
                }
            }
        }
        return secrets;
    }

    private static Set<String> tokensIn(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = ISSUED.matcher(text);
        while (m.find()) {
            found.add(mask(m.group()));
        }
        return found;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static String mask(String secret) {
        return secret.substring(0, Math.min(4, secret.length())) + "…(" + secret.length() + " chars)";
    }
}
