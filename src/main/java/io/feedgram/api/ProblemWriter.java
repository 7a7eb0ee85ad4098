package io.feedgram.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@Component
public class ProblemWriter {

    private static final Logger log = LoggerFactory.getLogger(ProblemWriter.class);

    static final String PROBLEM_JSON = "application/problem+json";

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
        message.setHeader(Exchange.CONTENT_TYPE, PROBLEM_JSON);
        if (problem.status() == 401) {
            message.setHeader("WWW-Authenticate", "Bearer");
        }
        message.setBody(body(problem));
    }

    /** Answers {@code problem} on a servlet response, for refusals made before Camel sees the request. */
    public void writeTo(HttpServletResponse response, ApiProblem problem) throws IOException {
        if (response.isCommitted()) {
            return; // Tomcat already answered (it gave up on the connection): nothing more can be said
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (problem.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(body(problem).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code problem} as a Spring MVC response. */
    public ResponseEntity<String> entity(ApiProblem problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status())
                .contentType(MediaType.parseMediaType(PROBLEM_JSON));
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.body(body(problem));
    }

    /** The problem for a bare HTTP status that no step explained (a refusal by the server itself). */
    static ApiProblem forStatus(HttpStatus status) {
        String detail = switch (status) {
            case NOT_FOUND -> "There is nothing at this path; the API lives under /api/v1 (see /api/v1/openapi.json).";
            case METHOD_NOT_ALLOWED -> "This path does not take this HTTP method.";
            default -> status.is5xxServerError() ? "The request could not be completed; the server log has the details."
                    : "The server refused the request as malformed.";
        };
        return new ApiProblem(status.value(), status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                status.getReasonPhrase(), detail, null);
    }

    private String body(ApiProblem problem) {
        try {
            return json.writeValueAsString(ProblemDetails.of(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem details cannot be written", e);
        }
    }
}
