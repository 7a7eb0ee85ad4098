package io.feedgram.api;

import java.util.List;

/**
 * A request the API refuses, as an RFC 9457 problem: thrown by a step, written by
 * {@link ProblemWriter}. {@code errors} names every offending field of a validation problem.
 */
public final class ApiProblem extends RuntimeException {

    private static final String TYPE = "urn:feedgram:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = TYPE + slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(400, "invalid-request", "Invalid request",
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.", errors);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Unauthorized", detail, null);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail, null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail, null);
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(413, "body-too-large", "Request body too large", detail, null);
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(415, "unsupported-media-type", "Unsupported media type", detail, null);
    }

    public static ApiProblem unprocessable(String field, String detail) {
        return new ApiProblem(422, "unprocessable", "Unprocessable request", detail,
                List.of(new FieldError(field, detail)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
