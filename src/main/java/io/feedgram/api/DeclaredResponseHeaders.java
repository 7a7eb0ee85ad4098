package io.feedgram.api;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * The API's response headers, declared once. Camel maps request headers and query parameters to
 * message headers, so only these may travel from a message to a response
 * ({@code camel.component.platform-http.header-filter-strategy}); {@link ApiGate} holds the
 * servlet response to the same list, for answers that never pass through Camel. Everything
 * coming in is let through: routes read query parameters as headers.
 */
@Component
public class DeclaredResponseHeaders implements HeaderFilterStrategy {

    private static final Set<String> DECLARED = Set.of("content-type", "content-length", "location",
            "www-authenticate", "retry-after", "cache-control", "vary", "content-language");

    static boolean declared(String name) {
        return name != null && DECLARED.contains(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean applyFilterToCamelHeaders(String name, Object value, Exchange exchange) {
        return !declared(name);
    }

    @Override
    public boolean applyFilterToExternalHeaders(String name, Object value, Exchange exchange) {
        return false;
    }
}
