package io.feedgram.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
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
 * A Feedgram application in a process of its own, for tests that kill it (SIGKILL) and start it again on the
 * same database: the command, the start with its output under {@code logs}, the wait until it is healthy, and
 * the kill at the end of the test.
 */
public final class FeedgramProcess {

    private final Path logs;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    public FeedgramProcess(Path logs, int port) throws IOException {
        this.logs = Files.createDirectories(logs);
        this.port = port;
    }

    /** {@code java} with a small heap, C1 and the serial collector (a quicker start on a small machine), then Feedgram. */
    public static List<String> command(String maxHeap, List<String> arguments) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", classpath, FeedgramApplication.class.getName()));
        command.addAll(arguments);
        return command;
    }

    /**
     * An H2 file database under {@code dir}. WRITE_DELAY=0: by default H2 writes commits to its file up to half a
     * second late, so a SIGKILL loses the last ones. AUTO_SERVER lets the test read it while the process runs.
     */
    public static String databaseUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db").resolve("feedgram") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts run number {@code run} (its output in {@code run-N.out} and {@code .err}) and waits until it is healthy. */
    public Process start(List<String> command, int run) throws IOException {
        File out = logs.resolve("run-" + run + ".out").toFile();
        File err = logs.resolve("run-" + run + ".err").toFile();
        process = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                .redirectOutput(out).redirectError(err).start();
        return process;
    }

    public void awaitHealthy() {
        await("Feedgram healthy").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .failFast("the Feedgram process ended; see " + logs, () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** SIGKILL; answers the exit status (137). */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** The end of a test: whatever still runs is killed. */
    public void stop() throws InterruptedException {
        if (alive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
