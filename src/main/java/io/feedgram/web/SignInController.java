package io.feedgram.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.feedgram.api.ApiKeys;
import io.feedgram.graph.MetaEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in with one of the API keys (the form never shows it back, and it is never stored or
 * logged), exchanged for a session cookie; sign-out ends the session on every replica.
 */
@Controller
class SignInController {

    private static final Logger log = LoggerFactory.getLogger(SignInController.class);

    private final ApiKeys keys;
    private final DashboardSessions sessions;
    private final MetaEndpoints endpoints;

    SignInController(ApiKeys keys, DashboardSessions sessions, MetaEndpoints endpoints) {
        this.keys = keys;
        this.sessions = sessions;
        this.endpoints = endpoints;
    }

    @GetMapping(DashboardGate.SIGN_IN)
    String form() {
        return "sign-in";
    }

    @PostMapping(DashboardGate.SIGN_IN)
    String signIn(@RequestParam(name = "key", required = false) String key, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (key == null || key.isBlank() || !keys.accepts(key.trim())) {
            log.warn("dashboard sign-in refused from {}", request.getRemoteAddr());
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("refused", true);
            return "sign-in";
        }
        SessionCookie.set(response, sessions.open().cookieValue(), secure(request));
        return "redirect:/";
    }

    @PostMapping("/sign-out")
    String signOut(@RequestAttribute(DashboardGate.SESSION) DashboardSessions.Session session,
                   HttpServletRequest request, HttpServletResponse response) {
        sessions.close(session.idHash());
        SessionCookie.clear(response, secure(request));
        return "redirect:" + DashboardGate.SIGN_IN;
    }

    /** Behind a proxy that ends TLS the request itself is plain HTTP: the public URL tells. */
    private boolean secure(HttpServletRequest request) {
        return request.isSecure() || endpoints.publicUrl().startsWith("https:");
    }
}
