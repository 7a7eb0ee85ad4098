package io.feedgram.api;

/** One offending field of a request, named by its JSON path ({@code media[1].url}). */
public record FieldError(String field, String message) {
}
