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
 * a first start on an empty data folder (Flyway creates the schema), then restarts on what it left. Three ways: plain
 * {@code java -jar}; the jar extracted with {@code -Djarmode=tools} and started with a class data sharing archive from
 * one training run, the way Spring Boot documents it; and the same with only the C1 compiler, which is how the README
 * ("Start faster") and the Docker image start Feedgram.
 */
final class StartUpRuns {

    /** The JVM options of the README's "Start faster" and of the Dockerfile's ENTRYPOINT, besides the archive. */
    static final List<String> RECOMMENDED = List.of("-XX:TieredStopAtLevel=1");

    private final Path jar;
    private final Path out;
    private final int times;

    StartUpRuns(Path jar, Path out, int times) {
        this.jar = jar;
        this.out = out;
        this.times = times;
    }

    /** A jar to start and the JVM options to start it with. */
    record Launch(Path jar, List<String> jvmOptions) {
    }

    List<StartUps> measure() {
        Launch sharing = sharedClasses(jar, out.resolve("cds"));
        return List.of(starts("java -jar", jar, List.of()),
                starts("CDS (extracted jar + archive)", sharing.jar(), sharing.jvmOptions()),
                starts("README and Docker image: CDS + " + String.join(" ", RECOMMENDED), sharing.jar(),
                        readmeWay(sharing).jvmOptions()));
    }

    /**
     * {@code jar} extracted into {@code dir}, and a class data sharing archive from one training run: the way Spring
     * Boot documents it.
     */
    static Launch sharedClasses(Path jar, Path dir) {
        FileSystemUtils.deleteRecursively(dir.toFile());
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.resolve("app").toString()));
        Path extracted = dir.resolve("app").resolve(jar.getFileName());
        Path archive = dir.resolve("app.jsa").toAbsolutePath();
        System.out.println("CDS training run ...");
        FeedgramJar.runToRefresh(extracted, dir.resolve("training"), List.of("-XX:ArchiveClassesAtExit=" + archive,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), Map.of());
        return new Launch(extracted, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }

    /** The shared classes with the README's and the Docker image's options besides. */
    static Launch readmeWay(Launch sharing) {
        List<String> options = new ArrayList<>(sharing.jvmOptions());
        options.addAll(RECOMMENDED);
        return new Launch(sharing.jar(), options);
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
