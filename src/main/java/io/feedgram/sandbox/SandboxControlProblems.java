package io.feedgram.sandbox;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The sandbox controls' refusals, each an RFC 9457 problem: the guard's, unknown objects, and bad requests. */
@RestControllerAdvice(assignableTypes = {SandboxControlController.class, SandboxPeopleController.class})
@ConditionalOnProperty(prefix = "feedgram.sandbox", name = "enabled", havingValue = "true")
final class SandboxControlProblems {

    /** The guard's refusals and the unknown token. */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> refused(ErrorResponseException e) {
        return ResponseEntity.status(e.getStatusCode()).body(e.getBody());
    }

    /** No body, not JSON, or JSON of the wrong shape or types. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return badRequest(e.getMostSpecificCause() instanceof JsonProcessingException json
                ? "the body is not the JSON this control takes: " + json.getOriginalMessage()
                : "this control takes a JSON body");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return badRequest(e.getMessage());
    }

    static ErrorResponseException refusal(HttpStatus status, String slug, String title, String detail) {
        return new ErrorResponseException(status, problem(status, slug, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:feedgram:problem:sandbox-" + slug));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> badRequest(String detail) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-control-request",
                "Invalid control request", detail));
    }

}
