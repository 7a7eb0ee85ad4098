package io.feedgram.monitoring;

import java.io.IOException;

import io.feedgram.api.ApiKeys;
import io.feedgram.api.ApiProblem;
import io.feedgram.api.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} answers only with an API key ({@code Authorization: Bearer <key>}, which
 * Prometheus sends with {@code authorization: credentials}): its account ids and volumes are the operator's
 * business. The health probes stay open, as orchestrators call them without credentials.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ScrapeGate extends OncePerRequestFilter {

    private static final String SCRAPE = "/actuator/prometheus";

    private final ApiKeys keys;
    private final ProblemWriter problems;

    ScrapeGate(ApiKeys keys, ProblemWriter problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getServletPath().startsWith(SCRAPE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            keys.authenticate(request.getHeader("Authorization"));
        } catch (ApiProblem problem) {
            problems.writeTo(response, problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
