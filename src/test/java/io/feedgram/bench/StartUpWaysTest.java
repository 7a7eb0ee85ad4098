package io.feedgram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's start-up figure is only worth printing for the way users start Feedgram: the README's "Start faster"
 * commands and the Dockerfile must train and start with the archive and the options {@link StartUpRuns} measures.
 */
class StartUpWaysTest {

    @Test
    void theReadmeStartsTheWayTheBenchmarkMeasures() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("**Start faster.**");
        assertThat(section).as("README's \"Start faster\"").isNotNegative();
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find(section)).as("a command block under \"Start faster\"").isTrue();
        List<String> commands = block.group(1).lines().toList();
        assertThat(commands).anyMatch(line -> line.contains("-Djarmode=tools") && line.contains(" extract "));
        assertThat(commands).anyMatch(StartUpWaysTest::trains);
        assertThat(commands.get(commands.size() - 1)).contains("-XX:SharedArchiveFile=").contains(StartUpRuns.RECOMMENDED);
    }

    @Test
    void theImageTrainsAtBuildTimeAndStartsTheSameWay() throws IOException {
        List<String> dockerfile = Files.readAllLines(Path.of("Dockerfile"));
        assertThat(dockerfile).anyMatch(line -> line.startsWith("RUN ") && trains(line));
        String entrypoint = dockerfile.stream().filter(line -> line.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElseThrow();
        assertThat(entrypoint).contains("\"-XX:SharedArchiveFile=feedgram.jsa\"", "\"-jar\", \"feedgram.jar\"");
        StartUpRuns.RECOMMENDED.forEach(option -> assertThat(entrypoint).contains('"' + option + '"'));
    }

    private static boolean trains(String command) {
        return command.contains("-XX:ArchiveClassesAtExit=") && command.contains("-Dspring.context.exit=onRefresh");
    }
}
