package io.feedgram.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.feedgram.FeedgramApplication;

/**
 * Feedgram in a JVM of its own, started from the test's classpath, so that a test can kill it for
 * real (SIGKILL: no shutdown hook, no finally block, no last commit) and start it again on the same
 * database. Each run's output goes to {@code <logs>/<run>.out} and {@code .err}.
 */
public final class FeedgramProcess {

    /** The key that encrypts the tokens of a test's processes: every process on one database needs the same. */
    public static final String ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path logs;
    private Process process;

    /**
     * @param heap      the JVM's -Xmx, e.g. {@code 1g}
     * @param arguments Feedgram's own arguments ({@code --key=value}); the port is added here
     */
    public FeedgramProcess(String name, String heap, List<String> arguments, Path logs) {
        this.name = name;
        this.port = freePort();
        this.logs = logs;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> all = new ArrayList<>(List.of(java, "-Xmx" + heap,
                // C1 and the serial collector: the JVM starts sooner on a small CI machine.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classpath, FeedgramApplication.class.getName(), "--server.port=" + port));
        all.addAll(arguments);
        this.command = List.copyOf(all);
    }

    /** Starts this Feedgram (again, after a kill); {@code run} names the log files. */
    public FeedgramProcess start(String run) {
        try {
            Files.createDirectories(logs);
            process = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                    .redirectOutput(logs.resolve(run + ".out").toFile())
                    .redirectError(logs.resolve(run + ".err").toFile()).start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until {@code /actuator/health} answers 200; fails at once if the process ends meanwhile. */
    public void awaitHealthy(Duration atMost) {
        await(name + " healthy").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .failFast(name + " ended; see its log in " + logs, () -> !isAlive())
                .ignoreExceptions()
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a crash or the OOM killer would; returns the exit status (137 for a killed JVM). */
    public int kill() {
        process.destroyForcibly();
        return exitStatus();
    }

    /** SIGTERM, as {@code docker stop} sends: Spring's graceful shutdown runs; returns the exit status (143). */
    public int terminate() {
        process.destroy();
        return exitStatus();
    }

    private int exitStatus() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the process if it still runs: for a test's clean-up. */
    public void stop() {
        if (isAlive()) {
            kill();
        }
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    /**
     * An H2 file database under {@code dir}, durable as the shipped one is (commits written within H2's write delay,
     * and at once before Feedgram acts on them outside: system.DurableWrites). AUTO_SERVER lets the test read it
     * while the process runs.
     */
    public static String databaseUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db").resolve("feedgram") + ";AUTO_SERVER=TRUE";
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
