package io.feedgram.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorPolicyTest {

    private final ErrorPolicy policy = new ErrorPolicy();

    @ParameterizedTest(name = "HTTP {0} code {1}/{2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            // transient server errors
            "500, 1, -, TRANSIENT",
            "500, 2, -, TRANSIENT",
            "400, -1, 2207001, TRANSIENT",
            "400, -2, 2207003, TRANSIENT",
            // rate limits
            "400, 4, -, RATE_LIMITED",
            "400, 17, -, RATE_LIMITED",
            "400, 32, -, RATE_LIMITED",
            "400, 613, 1996, RATE_LIMITED",
            "400, 80002, -, RATE_LIMITED",
            // a spam block: subcode wins over code 4's rate limit
            "403, 4, 2207051, ACCOUNT_BLOCKED",
            "400, 25, 2207050, ACCOUNT_BLOCKED",
            "400, 368, -, ACCOUNT_BLOCKED",
            // container lifecycle
            "400, 9007, 2207027, NOT_READY",
            "400, 24, 2207006, RECREATE_CONTAINER",
            "400, 24, 2207008, RECREATE_CONTAINER",
            "400, -2, 2207020, RECREATE_CONTAINER",
            "400, -1, 2207032, RECREATE_CONTAINER",
            "400, 9004, 2207052, RETRY_ONCE",
            "400, 9, 2207042, QUOTA_EXHAUSTED",
            // input the user must fix
            "400, 100, 2207028, FIX_INPUT",
            "400, 100, 2207040, FIX_INPUT",
            "400, 100, -, FIX_INPUT",
            "400, 36003, 2207009, FIX_INPUT",
            "400, 36004, 2207010, FIX_INPUT",
            "400, 352, 2207026, FIX_INPUT",
            "400, 1, 2207057, FIX_INPUT",
            "400, 100, 2207018, FIX_INPUT",
            // tokens and permissions
            "400, 190, 463, AUTH",
            "400, 190, 460, AUTH",
            "400, 190, -, AUTH",
            "400, 102, -, AUTH",
            "403, 10, -, AUTH",
            "400, 200, 458, AUTH",
            // unreadable objects (the May 2026 outage)
            "400, 100, 33, UNREADABLE",
            // codes never seen fall back on the HTTP status
            "503, 987654, -, TRANSIENT",
            "400, 987654, -, FIX_INPUT",
            "429, 987654, -, RATE_LIMITED",
    })
    void classifiesByCodeAndSubcode(int http, int code, Integer subcode, ErrorClass expected) {
        GraphError error = new GraphError(code, subcode, "OAuthException", "any message", null, null, "trace");
        assertThat(policy.classify(error, http)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Invalid OAuth access token", "(#4) Application request limit reached", "Media ID is not available"})
    void neverReadsTheMessage(String message) {
        GraphError error = new GraphError(36003, 2207009, "IGApiException", message, null, null, null);
        assertThat(policy.classify(error, 400)).isEqualTo(ErrorClass.FIX_INPUT);
    }

    @ParameterizedTest
    @CsvSource({"timeout", "connection refused"})
    void noAnswerIsTransient(String what) {
        assertThat(policy.classify(new GraphException.Unanswered(what, null))).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(policy.classify(new GraphException.Refused(400,
                new GraphError(80002, null, null, what, null, null, null), Duration.ofMinutes(3))))
                .isEqualTo(ErrorClass.RATE_LIMITED);
    }

    @Test
    void anErrorContainerIsCreatedAgainUnlessItsSubcodeIsAnInputProblem() {
        assertThat(policy.classifyContainerError(2207026)).isEqualTo(ErrorClass.FIX_INPUT);
        assertThat(policy.describe(2207026)).contains("video format");
        assertThat(policy.classifyContainerError(2207001)).isEqualTo(ErrorClass.RECREATE_CONTAINER);
        assertThat(policy.classifyContainerError(2207006)).isEqualTo(ErrorClass.RECREATE_CONTAINER);
        assertThat(policy.classifyContainerError(null)).isEqualTo(ErrorClass.RECREATE_CONTAINER);
        assertThat(policy.classifyContainerError(9999999)).isEqualTo(ErrorClass.RECREATE_CONTAINER);
    }
}
