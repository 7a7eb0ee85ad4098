package io.feedgram.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of every dashboard page and fragment, before Spring MVC sees it. Without a live
 * session only the sign-in page answers (the stylesheet and htmx are static and need none); an
 * action (any method but GET and HEAD) must come from the dashboard itself: not from another site
 * (Sec-Fetch-Site, Origin) and carrying the session's CSRF token. The API, connect, sandbox, media
 * and actuator paths are not the dashboard's and pass untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DashboardGate extends OncePerRequestFilter {

    /** The request attribute that holds the signed-in {@link DashboardSessions.Session}. */
    static final String SESSION = "io.feedgram.web.session";
    static final String SIGN_IN = "/sign-in";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Sent by the fragments that refresh themselves: such requests do not keep a session alive. */
    static final String SELF_REFRESH = "X-Feedgram-Refresh";

    private static final Set<String> PAGES = Set.of("/", SIGN_IN, "/sign-out", "/totals", "/posts", "/accounts", "/feeds",
            "/events");
    private static final List<String> UNDER = List.of("/posts/", "/accounts/", "/feeds/");

    private final DashboardSessions sessions;

    DashboardGate(DashboardSessions sessions) {
        this.sessions = sessions;
    }

    /** Whether {@code path} is one of the dashboard's pages, fragments or actions. */
    static boolean isDashboard(String path) {
        return PAGES.contains(path) || UNDER.stream().anyMatch(path::startsWith);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isDashboard(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        boolean action = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        if (action && fromElsewhere(request)) {
            refuse(response, "This action was sent from another site.");
            return;
        }
        Optional<DashboardSessions.Session> session = SessionCookie.read(request)
                .flatMap(value -> sessions.find(value, request.getHeader(SELF_REFRESH) == null));
        if (SIGN_IN.equals(request.getRequestURI())) {
            if (session.isPresent() && !action) {
                response.sendRedirect("/");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (session.isEmpty()) {
            signInFirst(request, response);
            return;
        }
        if (action && !carriesToken(request, session.get())) {
            refuse(response, "This action did not carry the page's security token. Reload the page and try again.");
            return;
        }
        request.setAttribute(SESSION, session.get());
        chain.doFilter(request, response);
    }

    /** A cross-site or same-site (another subdomain) request, as the browser declares it, or another Origin. */
    private static boolean fromElsewhere(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        return origin != null && (host == null || !origin.replaceFirst("^[a-z]+://", "").equals(host));
    }

    private static boolean carriesToken(HttpServletRequest request, DashboardSessions.Session session) {
        String sent = request.getHeader(CSRF_HEADER);
        if (sent == null) {
            sent = request.getParameter(CSRF_FIELD);
        }
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /** A page goes to the sign-in page; an htmx fragment answers 401 and tells htmx to go there. */
    private static void signInFirst(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", SIGN_IN);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", SIGN_IN);
    }

    private static void refuse(HttpServletResponse response, String why) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Refused</title>"
                + "<link rel=\"stylesheet\" href=\"/dashboard.css\"><main><h1>Refused</h1><p>" + why
                + "</p><p><a href=\"/\">Back to the dashboard</a></p></main></html>");
    }
}
