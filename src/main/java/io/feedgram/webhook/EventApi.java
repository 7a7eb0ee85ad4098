package io.feedgram.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.feedgram.api.ApiProblem;
import io.feedgram.api.FieldError;
import io.feedgram.api.Page;
import io.feedgram.api.PageCursor;
import io.feedgram.api.PageRequest;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/events}: what came back from Instagram, newest first, filtered and paged. */
@Component("eventApi")
public class EventApi {

    private final InboundEvents events;

    public EventApi(InboundEvents events) {
        this.events = events;
    }

    public Page<EventView> list(@Header("account") String account, @Header("type") String type,
                                @Header("since") String since, @Header("until") String until,
                                @Header("limit") String limit, @Header("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        EventType wanted = type(type, errors);
        Instant from = instant("since", since, errors);
        Instant to = instant("until", until, errors);
        PageRequest page = PageRequest.read(limit, cursor, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        PageCursor after = page.after();
        List<EventView> fetched = events.page(blankToNull(account), wanted, from, to,
                after == null ? null : after.createdAt(), after == null ? null : after.id(), page.fetchSize());
        return Page.of(fetched, page, e -> new PageCursor(e.receivedAt(), e.id()), e -> e);
    }

    public EventView get(@Header("id") String id) {
        return events.find(id).orElseThrow(() -> ApiProblem.notFound("No event with id " + id + "."));
    }

    private static EventType type(String type, List<FieldError> errors) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return EventType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "must be one of " + Arrays.toString(EventType.values())));
            return null;
        }
    }

    private static Instant instant(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-11-29T20:00:00Z"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
