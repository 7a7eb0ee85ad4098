package io.feedgram.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

import io.feedgram.bench.Figures.StartUps;

/**
 * Start-up of the packaged jar with the shipped configuration (the demo), from the process's start to readiness UP:
 * a first start on an empty data folder (Flyway creates the schema), then restarts on what it left. As
 * {@code java -jar} plainly, and with class data sharing the way Spring Boot
 * documents it (extract the jar with {@code -Djarmode=tools}, one training run that writes the archive, then start
 * with {@code -XX:SharedArchiveFile}).
 */
final class StartUpRuns {

    private final Path jar;
    private final Path out;
    private final int times;

    StartUpRuns(Path jar, Path out, int times) {
        this.jar = jar;
        this.out = out;
        this.times = times;
    }

    List<StartUps> measure() {
        return List.of(starts("java -jar", jar, List.of()), withClassDataSharing());
    }

    private StartUps withClassDataSharing() {
        Path cds = out.resolve("cds");
        FileSystemUtils.deleteRecursively(cds.toFile());
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", cds.resolve("app").toString()));
        Path extracted = cds.resolve("app").resolve(jar.getFileName());
        Path archive = cds.resolve("app.jsa").toAbsolutePath();
        System.out.println("start-up: CDS training run ...");
        FeedgramJar.runToRefresh(extracted, cds.resolve("training"), List.of("-XX:ArchiveClassesAtExit=" + archive,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), Map.of());
        return starts("CDS (extracted jar + archive)", extracted,
                List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }

    private StartUps starts(String way, Path jarToRun, List<String> jvmOptions) {
        List<Double> ready = new ArrayList<>();
        List<Double> reported = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Path dir = out.resolve("start-up");
            try (FeedgramJar feedgram = i == 0 ? FeedgramJar.start(jarToRun, dir, jvmOptions, Map.of())
                    : FeedgramJar.restart(jarToRun, dir, jvmOptions, Map.of())) {
                ready.add(feedgram.startUp().toNanos() / 1e6);
                reported.add(feedgram.jvmReportedStartUp() == null ? Double.NaN : (double) feedgram.jvmReportedStartUp().toMillis());
                cpu.add((double) feedgram.startUpCpu().toMillis());
            }
            System.out.printf("start-up: %s: %.0f ms, CPU %.0f ms%n", way, ready.get(i), cpu.get(i));
        }
        return new StartUps(way, ready, reported, cpu);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
