package io.feedgram.testing;

import java.util.UUID;

import io.feedgram.post.PostRepository;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every test of the running application needs: its port, the posts, the sandbox reset
 * before each test, and a marker unique to the test, put in every caption and media URL it
 * submits so that its media can be found in the sandbox. Subclasses carry the configuration.
 */
public abstract class SandboxTestHarness {

    @LocalServerPort
    protected int port;

    @Autowired
    protected PostRepository posts;

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
