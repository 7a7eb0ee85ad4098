package io.feedgram.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;
import org.yaml.snakeyaml.Yaml;

/**
 * Feedgram started from the packaged jar the way a user starts it ({@code java -jar}), from the repository root (where
 * {@code ./routes} and {@code ./application.yaml} are), on a free port, with a data folder of its own. The benchmark's
 * settings go into a YAML file passed as {@code spring.config.additional-location}, the normal configuration path, so
 * they override the shipped {@code application.yaml} key by key (and lists, such as accounts and feeds, as a whole).
 */
final class FeedgramJar implements AutoCloseable {

    private static final Duration READY_LIMIT = Duration.ofMinutes(3);
    /**
     * JVM options for every start of the benchmark, from {@code -Dbench.java-options="..."} (space-separated), e.g. to
     * compare the engine with and without a compiler flag; the start-up part adds its own after these.
     */
    static final List<String> JAVA_OPTIONS = List.of(System.getProperty("bench.java-options", "").trim().split("\\s+"))
            .stream().filter(option -> !option.isEmpty()).toList();
    private static final Pattern JVM_STARTED = Pattern.compile("Started FeedgramApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private final Process process;
    private final Path log;
    private final BenchClient client;
    private final Duration startUp;
    private final Duration startUpCpu;

    private FeedgramJar(Process process, Path log, BenchClient client, Duration startUp) {
        this.process = process;
        this.log = log;
        this.client = client;
        this.startUp = startUp;
        this.startUpCpu = cpuTime();
    }

    /**
     * Starts the jar and waits until {@code /actuator/health/readiness} answers UP.
     *
     * @param dir           emptied, then holds the settings, the database, the media store and the log
     * @param jvmOptions    options before {@code -jar}, such as a CDS archive
     * @param configuration keys (dotted) and values written to the settings file
     */
    static FeedgramJar start(Path jar, Path dir, List<String> jvmOptions, Map<String, Object> configuration) {
        FileSystemUtils.deleteRecursively(dir.toFile());
        return restart(jar, dir, jvmOptions, configuration);
    }

    /** {@link #start}, but on the data folder a process before it left behind, as a restart finds it. */
    static FeedgramJar restart(Path jar, Path dir, List<String> jvmOptions, Map<String, Object> configuration) {
        try {
            int port = freePort();
            Path log = dir.resolve("feedgram.log");
            List<String> command = command(jar, dir, jvmOptions, configuration);
            command.add("--server.port=" + port);
            long starting = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            BenchClient client = new BenchClient("http://localhost:" + port);
            return new FeedgramJar(process, log, client, awaitReady(process, client, log, starting));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the jar until its application context is refreshed, then lets it end ({@code spring.context.exit}), the
     * training run that writes a class data sharing archive when {@code jvmOptions} ask for one.
     */
    static void runToRefresh(Path jar, Path dir, List<String> jvmOptions, Map<String, Object> configuration) {
        try {
            List<String> options = new ArrayList<>(jvmOptions);
            options.add("-Dspring.context.exit=onRefresh");
            FileSystemUtils.deleteRecursively(dir);
            List<String> command = command(jar, dir, options, configuration);
            command.add("--server.port=" + freePort());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("feedgram.log").toFile()).start();
            if (!process.waitFor(READY_LIMIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("the training run did not end well; see " + dir.resolve("feedgram.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the settings file into {@code dir} and answers the command line that starts the jar with it. */
    private static List<String> command(Path jar, Path dir, List<String> jvmOptions, Map<String, Object> configuration)
            throws IOException {
        Files.createDirectories(dir);
        Path data = dir.toAbsolutePath();
        Map<String, Object> settings = new LinkedHashMap<>();
        // The shipped URL's options, on a database of its own.
        settings.put("spring.datasource.url", "jdbc:h2:file:" + data.resolve("feedgram") + ";QUERY_CACHE_SIZE=256");
        settings.put("feedgram.media.store", data.resolve("media").toString());
        settings.put("feedgram.security.key-file", data.resolve("encryption.key").toString());
        // Readiness as a probe, and the heap gauge, for the benchmark to read.
        settings.put("management.endpoint.health.probes.enabled", true);
        settings.put("management.endpoints.web.exposure.include", "health,metrics");
        settings.putAll(configuration);
        Path settingsFile = data.resolve("bench.yaml");
        Files.writeString(settingsFile, new Yaml().dump(settings));
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JAVA_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--spring.config.additional-location=file:" + settingsFile));
        return command;
    }

    private static Duration awaitReady(Process process, BenchClient client, Path log, long starting) {
        long deadline = starting + READY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Feedgram ended with " + process.exitValue() + " before it was ready; see " + log);
            }
            if (client.isReady()) {
                return Duration.ofNanos(System.nanoTime() - starting);
            }
            pause(Duration.ofMillis(20));
        }
        process.destroyForcibly();
        throw new IllegalStateException("Feedgram was not ready within " + READY_LIMIT + "; see " + log);
    }

    /** From the process's start until readiness answered UP, as seen from outside. */
    Duration startUp() {
        return startUp;
    }

    /** CPU time the process had used when it was ready: on a busy machine a steadier figure than the wall time. */
    Duration startUpCpu() {
        return startUpCpu;
    }

    /** The JVM's own figure from Spring Boot's "Started ... (process running for N)" line. */
    Duration jvmReportedStartUp() {
        try {
            Matcher started = JVM_STARTED.matcher(Files.readString(log));
            return started.find() ? Duration.ofMillis(Math.round(Double.parseDouble(started.group(2)) * 1000)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BenchClient client() {
        return client;
    }

    /** CPU time (user and system) the process has used so far, from the operating system. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this system does not report process CPU time"));
    }

    /** Heap in use after a full collection ({@code jcmd GC.run}), read from Micrometer's gauge. */
    long heapUsedAfterGc() {
        try {
            Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
            Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(2, TimeUnit.MINUTES) || gc.exitValue() != 0) {
                throw new IllegalStateException("jcmd GC.run failed");
            }
            return client.get("/actuator/metrics/jvm.memory.used?tag=area:heap").path("measurements").get(0)
                    .path("value").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
