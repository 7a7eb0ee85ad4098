package io.feedgram.testing;

import java.util.UUID;

import io.feedgram.post.PostContainers;
import io.feedgram.post.PostRepository;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What every test of the running application needs: its port, the posts, the sandbox reset
 * before each test, and a marker unique to the test, put in every caption and media URL it
 * submits so that its media can be found in the sandbox. The settings below (the sandbox on,
 * the demo off, delays shrunk so that scenarios take seconds) are inherited; subclasses add
 * their own database and accounts.
 */
@TestPropertySource(properties = {
        "feedgram.sandbox.enabled=true",
        "feedgram.sandbox.processing-delay.image=300ms",
        "feedgram.sandbox.processing-delay.video=1s",
        "feedgram.sandbox.processing-delay.carousel=300ms",
        "feedgram.demo.enabled=false",
        "sandbox-test.media=true",
        "feedgram.publishing.min-interval=0s",
        "feedgram.publishing.poll-initial-delay=200ms",
        "feedgram.publishing.poll-interval=300ms",
        "feedgram.publishing.poll-max-interval=1s",
        "feedgram.publishing.retry-delay=200ms",
        "feedgram.publishing.retry-max-delay=1s",
        "feedgram.publishing.quota-recheck=1s",
        "feedgram.publishing.reconcile-interval=300ms",
})
public abstract class SandboxTestHarness {

    @LocalServerPort
    protected int port;

    @Autowired
    protected PostRepository posts;

    @Autowired
    protected PostContainers containers;

    protected SandboxControl sandbox;

    protected String marker;

    @BeforeEach
    void resetSandbox() {
        sandbox = new SandboxControl(port);
        sandbox.reset();
        marker = UUID.randomUUID().toString();
    }

    /** A test medium served by the application (the sandbox's test media controller). */
    protected String mediaUrl(String name) {
        return "http://localhost:" + port + "/test-media/" + name + "?m=" + marker;
    }
}
