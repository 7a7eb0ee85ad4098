package io.feedgram.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The house plan holds: feature packages depend on each other without cycles, and the API
 * plumbing lives in {@code api}, not in the posts API ({@code inbox}). Read from the sources'
 * imports and the references they make by fully qualified name.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/feedgram");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.feedgram\\.([a-z]+)\\.");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        assertThat(graph).containsKeys("api", "graph", "post", "publish", "system");
        for (String from : graph.keySet()) {
            List<String> cycle = pathBack(graph, from);
            assertThat(cycle).as("a package cycle through " + from).isEmpty();
        }
    }

    @Test
    void noFeatureLeansOnThePostsApiForPlumbing() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        for (String feature : List.of("feed", "account", "connect", "publish", "graph")) {
            assertThat(graph.getOrDefault(feature, Set.of())).as(feature).doesNotContain("inbox");
        }
        assertThat(graph.getOrDefault("system", Set.of())).as("system is the bottom layer")
                .isSubsetOf(Set.of());
    }

    /** Package -> the other packages its sources name. */
    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;                                     // the application class itself
                }
                String from = relative.getName(0).toString();
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        to.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** A path of dependencies leading from {@code start} back to itself, or empty. */
    private static List<String> pathBack(Map<String, Set<String>> graph, String start) {
        List<String> path = new ArrayList<>();
        return walk(graph, start, start, path, new TreeSet<>()) ? path : List.of();
    }

    private static boolean walk(Map<String, Set<String>> graph, String start, String at, List<String> path,
                                Set<String> seen) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            path.add(next);
            if (next.equals(start) || (seen.add(next) && walk(graph, start, next, path, seen))) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }
}
