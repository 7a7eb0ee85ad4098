package io.feedgram.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Test-only: writes every answer Feedgram's Spring MVC endpoints give (connect flows, actuator;
 * not the sandbox, which plays Instagram and hands out tokens by design) with its headers to
 * {@link #FILE}, one file per test JVM, for {@link SecretsNeverLeakTest}. The REST API answers
 * asynchronously through Camel and is recorded by {@link ApiAnswerRecorder}.
 */
@Component
public class ResponseRecorder extends OncePerRequestFilter {

    static final Path FILE = Path.of("target/test-output/responses-" + ProcessHandle.current().pid() + ".log");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.startsWith("/sandbox/") || uri.startsWith("/test-media/") || uri.startsWith("/test-feeds/")
                || uri.startsWith("/demo/media/") || uri.startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } finally {
            StringBuilder entry = new StringBuilder()
                    .append(request.getMethod()).append(' ').append(uri).append(" -> ").append(recorded.getStatus()).append('\n');
            for (String name : recorded.getHeaderNames()) {
                entry.append(name).append(": ").append(String.join(", ", recorded.getHeaders(name))).append('\n');
            }
            entry.append(new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8)).append("\n\n");
            write(entry.toString());
            recorded.copyBodyToResponse();
        }
    }

    static synchronized void write(String entry) throws IOException {
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
