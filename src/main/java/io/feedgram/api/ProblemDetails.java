package io.feedgram.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The RFC 9457 body: {@code errors} only on validation problems. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetails(String type, String title, int status, String detail, List<FieldError> errors) {

    static ProblemDetails of(ApiProblem problem) {
        return new ProblemDetails(problem.type(), problem.title(), problem.status(), problem.detail(), problem.errors());
    }
}
