package io.feedgram.testing;

import java.util.List;
import java.util.stream.Stream;

import io.feedgram.FeedgramApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Feedgram and Instagram (the sandbox) as two applications in one JVM, so that Instagram's memory
 * of what was published outlives Feedgram's stops and starts.
 */
public final class SeparateInstagram {

    private SeparateInstagram() {
    }

    /** Starts the application on a random port with the demo off, and adds it to {@code running}. */
    public static ConfigurableApplicationContext start(List<ConfigurableApplicationContext> running, Stream<String> args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FeedgramApplication.class)
                .run(Stream.concat(args, Stream.of("--server.port=0", "--feedgram.demo.enabled=false"))
                        .toArray(String[]::new));
        running.add(context);
        return context;
    }

    /** Feedgram's arguments for talking to the sandbox on {@code sandboxPort}, with its database at {@code databaseUrl}. */
    public static Stream<String> feedgramAgainst(int sandboxPort, String databaseUrl) {
        String sandbox = "http://localhost:" + sandboxPort + "/sandbox/";
        return Stream.of(
                "--feedgram.sandbox.enabled=false",
                "--feedgram.security.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--feedgram.fetch.allowed-private-hosts=localhost",
                "--spring.datasource.url=" + databaseUrl,
                "--feedgram.graph.instagram-url=" + sandbox + "graph.instagram.com",
                "--feedgram.graph.facebook-url=" + sandbox + "graph.facebook.com");
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
