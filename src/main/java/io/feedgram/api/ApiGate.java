package io.feedgram.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of every API request, before Camel sees it. In this order: credentials are refused in
 * the URL (they leak into logs, and a form on another site could send them), the API key is
 * checked before a byte of the body is read, a body must be JSON, and the whole body is read here,
 * bounded in size and time, so that a slow or stalled client holds one server thread and never the
 * small pool the routes run on. Responses carry only the headers the API declares: Camel maps
 * query parameters and request headers to message headers, which must never be echoed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiGate extends OncePerRequestFilter {

    private static final String API = "/api/";
    /** Readable without a key: the API's own description. */
    private static final Set<String> PUBLIC = Set.of("/api/v1/openapi.json");
    private static final String UPLOADS = "/api/v1/media";
    /** Names that carry credentials; only the real headers may hold them. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "idempotency-key", "api-key", "api_key",
            "apikey", "access_token", "token", "key");

    private final ApiKeys keys;
    private final ProblemWriter problems;
    private final long maxBytes;
    private final Duration bodyTimeout;

    ApiGate(ApiKeys keys, ProblemWriter problems, ApiProperties properties) {
        this.keys = keys;
        this.problems = problems;
        this.maxBytes = properties.maxBodySize().toBytes();
        this.bodyTimeout = properties.bodyTimeout();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(API);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletResponse declaredOnly = new DeclaredHeadersResponse(response);
        byte[] body;
        try {
            refuseCredentialsInUrl(request.getQueryString());
            if (!PUBLIC.contains(request.getRequestURI())) {
                keys.authenticate(request.getHeader("Authorization"));
            }
            if (isUpload(request)) {
                chain.doFilter(request, declaredOnly);   // streamed to disk by the upload itself, within its own limits
                return;
            }
            body = hasBody(request) ? readBody(request) : new byte[0];
        } catch (ApiProblem problem) {
            problems.writeTo(declaredOnly, problem);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), declaredOnly);
    }

    private static void refuseCredentialsInUrl(String query) {
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("query", "is not a valid URL query");
            }
            if (CREDENTIALS.contains(name.trim().toLowerCase(Locale.ROOT))) {
                throw ApiProblem.invalid(name, "must be sent as a request header, never in the URL");
            }
        }
    }

    /** Media uploads are images and videos, far larger than any JSON request: they are not buffered here. */
    private static boolean isUpload(HttpServletRequest request) {
        return UPLOADS.equals(request.getRequestURI()) && "POST".equals(request.getMethod());
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        if (!JsonRequests.isJson(request.getContentType())) {
            throw ApiProblem.unsupportedMediaType("Send the body as 'Content-Type: application/json'"
                    + (request.getContentType() == null ? "." : ", not '" + request.getContentType() + "'."));
        }
        if (request.getContentLengthLong() > maxBytes) {
            throw BoundedBody.tooLarge(maxBytes);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        BoundedBody.copy(request.getInputStream(), body, maxBytes, bodyTimeout);
        return body.toByteArray();
    }
}
