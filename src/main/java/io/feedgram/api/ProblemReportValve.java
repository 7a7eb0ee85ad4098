package io.feedgram.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own refusals (a malformed request line, a header too large, a body it gave up on) as
 * a problem document instead of Tomcat's HTML page.
 */
public class ProblemReportValve extends ErrorReportValve {

    /** Tomcat makes the valve, not Spring: a mapper of its own writes the same problem document. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        ApiProblem problem = ProblemWriter.forStatus(status == null ? HttpStatus.BAD_REQUEST : status);
        try {
            response.setContentType(ProblemWriter.PROBLEM_JSON);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ProblemDetails.of(problem)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or already committed: nothing more can be said
        }
    }
}
