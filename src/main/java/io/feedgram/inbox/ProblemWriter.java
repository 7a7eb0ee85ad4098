package io.feedgram.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the exception a route caught as an RFC 9457 {@code application/problem+json}
 * response. An {@link ApiProblem} is the caller's mistake and says what it was; anything
 * else is ours, is logged, and answers a bare 500 that reveals nothing.
 */
@Component("problems")
public class ProblemWriter {

    private static final Logger log = LoggerFactory.getLogger(ProblemWriter.class);

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /** For an {@code onException} step: the caught exception becomes the response. */
    public void write(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ApiProblem problem = ObjectHelper.getException(ApiProblem.class, caught);
        if (problem == null) {
            log.error("{} {} failed in route {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_PATH), exchange.getFromRouteId(), caught);
            problem = new ApiProblem(500, "internal-error", "Internal server error",
                    "The request could not be completed; the server log has the details.", null);
        }
        writeTo(exchange.getMessage(), problem);
    }

    /** Makes {@code message} the problem response (for code that answers without throwing). */
    public void writeTo(Message message, ApiProblem problem) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        message.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        if (problem.status() == 401) {
            message.setHeader("WWW-Authenticate", "Bearer");
        }
        try {
            message.setBody(json.writeValueAsString(ProblemDetails.of(problem)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem details cannot be written", e);
        }
    }
}
