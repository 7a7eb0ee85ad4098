package io.feedgram.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With {@code control-from} set to ranges that leave out 127.0.0.1, this test's own calls to the controls are refused. */
@TestPropertySource(properties = "feedgram.sandbox.control-from=10.0.0.0/8, 192.168.0.0/16")
class SandboxControlCallerTest extends SandboxTestSupport {

    @Override
    void resetSandbox() {
        // Nothing to reset with: the controls refuse this test's address, which is the point.
    }

    @Test
    void everyControlRefusesACallerOutsideControlFrom() {
        SandboxControlApiTest.assertProblem(control("POST", "/sandbox/_reset", "{}"), 403);
        SandboxControlApiTest.assertProblem(control("POST", "/sandbox/_clock", "{\"advance\":\"PT1H\"}"), 403);
        SandboxControlApiTest.assertProblem(control("GET", "/sandbox/_config", ""), 403);
        SandboxControlApiTest.assertProblem(control("GET", "/sandbox/_inspect/published", ""), 403);
        GraphResponse refused = control("POST", "/sandbox/_tokens", "{\"token\":\"IGAA-minted\",\"igUserId\":\"" + USER_A + "\"}");
        SandboxControlApiTest.assertProblem(refused, 403);
        assertThat(refused.body().path("detail").asText()).contains("feedgram.sandbox.control-from");
        assertThat(get(IG + "/me?fields=id&access_token=IGAA-minted").status()).as("no token was minted").isEqualTo(400);
    }

    @Test
    void theGraphApiItselfStillAnswers() {
        assertThat(get(IG + "/me?fields=id&access_token=" + TOKEN_A).status()).isEqualTo(200);
    }
}
