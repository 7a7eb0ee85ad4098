package io.feedgram.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;
import io.feedgram.system.PrivateAddressGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Downloads end within their deadline and size, whatever the server does. */
class MediaDownloaderTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 1_000_000);
            OutputStream body = exchange.getResponseBody();
            body.write(new byte[1000]);
            body.flush();
            try {
                release.await();                 // headers and a little, then nothing until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 64; i++) {
                    body.write(new byte[64 * 1024]);
                }
            } catch (java.io.IOException e) {
                // the downloader stopped reading: expected
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aServerThatStallsAfterItsHeadersIsCutOffAtTheDeadline() {
        MediaDownloader downloader = downloader(Duration.ofSeconds(1));
        long started = System.nanoTime();

        assertThatThrownBy(() -> downloader.download(url("/stall"), 10_000_000, dir.resolve("a")))
                .isInstanceOf(MediaProblem.class).hasMessageContaining("took too long to download");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aBodyOverTheLimitStopsAtTheLimit() throws Exception {
        Path into = dir.resolve("b");
        assertThatThrownBy(() -> downloader(Duration.ofSeconds(10)).download(url("/big"), 1024 * 1024, into))
                .isInstanceOf(MediaProblem.class).hasMessageContaining("larger than 1 MiB");
        assertThat(Files.size(into)).isLessThanOrEqualTo(1024 * 1024);
    }

    private MediaDownloader downloader(Duration timeout) {
        MediaProperties properties = new MediaProperties(RatioFit.PAD, "#FFFFFF", false, dir, Duration.ofHours(48),
                DataSize.ofMegabytes(64), DataSize.ofMegabytes(300), timeout, Duration.ofMinutes(10), 1);
        return new MediaDownloader(new PrivateAddressGuard(true, List.of()), properties);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
