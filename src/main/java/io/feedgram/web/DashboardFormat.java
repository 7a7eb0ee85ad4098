package io.feedgram.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * How the templates write times and outside links ({@code ${@dashboardFormat.time(...)}}). Times are to
 * the second, in UTC, as the API's are. Links from feeds and Instagram are kept only when http(s):
 * a feed is untrusted text, and a {@code javascript:} link must not reach a page.
 */
@Component
class DashboardFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** {@code url} when it is an http(s) URL, else null (the template then writes no link). */
    public String link(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }
}
