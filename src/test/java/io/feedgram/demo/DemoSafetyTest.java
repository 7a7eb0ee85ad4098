package io.feedgram.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.feedgram.FeedgramApplication;
import io.feedgram.system.StartupRefusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The demo can never reach a real account: left on while going live (sandbox off, real-style
 * accounts), Feedgram refuses to start, stores no demo post and makes no Graph call. With the
 * sandbox off, the login pages are Meta's.
 */
class DemoSafetyTest {

    private static final String KEY = "--feedgram.security.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @TempDir
    Path dataDir;

    /** Stands in for graph.instagram.com and graph.facebook.com: every request it sees is a failure. */
    private HttpServer meta;
    private final List<String> graphCalls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startMeta() throws Exception {
        meta = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        meta.createContext("/", exchange -> {
            graphCalls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        meta.start();
    }

    @AfterEach
    void stopMeta() {
        meta.stop(0);
    }

    @Test
    void theDemoLeftOnWithTheSandboxOffRefusesToStartAndReachesNoAccount() throws Exception {
        assertThatThrownBy(() -> start("--feedgram.sandbox.enabled=false", "--feedgram.demo.enabled=true"))
                .satisfies(failure -> {
                    Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
                    assertThat(root).isInstanceOf(StartupRefusal.class)
                            .hasMessageContaining("feedgram.demo.enabled")
                            .hasMessageContaining("feedgram.sandbox.enabled");
                    assertThat(((StartupRefusal) root).action()).contains("feedgram.demo.enabled=false");
                });
        assertThat(graphCalls).isEmpty();
        assertThat(demoPosts()).isZero();
    }

    @Test
    void theDemoRefusesAGraphUrlThatLeadsAwayFromTheBuiltInSandbox() throws Exception {
        assertThatThrownBy(() -> start("--feedgram.sandbox.enabled=true", "--feedgram.demo.enabled=true"))
                .hasRootCauseInstanceOf(StartupRefusal.class);
        assertThat(graphCalls).isEmpty();
        assertThat(demoPosts()).isZero();
    }

    @Test
    void withTheSandboxOffTheLoginPageIsInstagramsOwn() throws Exception {
        try (ConfigurableApplicationContext feedgram = start("--feedgram.sandbox.enabled=false",
                "--feedgram.demo.enabled=false", "--feedgram.graph.instagram-url=", "--feedgram.graph.facebook-url=")) {
            String port = feedgram.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/connect/instagram?account=blog")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location").orElseThrow())
                    .startsWith("https://www.instagram.com/oauth/authorize?")
                    .contains("redirect_uri=http%3A%2F%2Flocalhost%3A" + port + "%2Fconnect%2Finstagram%2Fcallback");
        }
        assertThat(demoPosts()).isZero();
    }

    private ConfigurableApplicationContext start(String... args) {
        String graph = "http://127.0.0.1:" + meta.getAddress().getPort();
        return new SpringApplicationBuilder(FeedgramApplication.class).run(Stream.concat(Stream.of(
                "--server.port=0", KEY, "--spring.datasource.url=" + jdbcUrl(),
                "--feedgram.graph.instagram-url=" + graph, "--feedgram.graph.facebook-url=" + graph,
                "--feedgram.feeds[0].id=blog", "--feedgram.feeds[0].url=" + graph + "/feed.xml",
                "--feedgram.feeds[0].account=blog", "--feedgram.feeds[0].every=1h",
                "--feedgram.accounts[0].id=blog", "--feedgram.accounts[0].login=instagram",
                "--feedgram.accounts[0].ig-user-id=17841400000000555",
                "--feedgram.accounts[0].access-token=IGAA-a-real-looking-token",
                "--feedgram.accounts[0].app-id=990000000000001", "--feedgram.accounts[0].app-secret=a-real-looking-secret",
                "--feedgram.accounts[1].id=shop", "--feedgram.accounts[1].login=facebook",
                "--feedgram.accounts[1].ig-user-id=17841400000000556",
                "--feedgram.accounts[1].access-token=EAA-a-real-looking-page-token"), Stream.of(args))
                .toArray(String[]::new));
    }

    private String jdbcUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("feedgram").toAbsolutePath();
    }

    /** Posts with the demo's source, read straight from the database the refused run left. */
    private int demoPosts() throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "sa", "");
             ResultSet tables = db.getMetaData().getTables(null, null, "POST", null)) {
            if (!tables.next()) {
                return 0;
            }
            try (ResultSet count = db.createStatement().executeQuery("select count(*) from post where source = 'demo'")) {
                count.next();
                return count.getInt(1);
            }
        }
    }
}
