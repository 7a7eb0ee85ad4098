package io.feedgram.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.feedgram.api.ApiProblem;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every dashboard page's forms carry (the session's CSRF token), and the page for a refusal:
 * the API's own {@link ApiProblem}s, with their status and sentence.
 */
@ControllerAdvice(basePackageClasses = DashboardModel.class)
class DashboardModel {

    @ModelAttribute
    void signedIn(HttpServletRequest request, Model model) {
        if (request.getAttribute(DashboardGate.SESSION) instanceof DashboardSessions.Session session) {
            model.addAttribute("csrf", session.csrfToken());
        }
    }

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        signedIn(request, model);
        response.setStatus(problem.status());
        model.addAttribute("problem", problem);
        return "problem";
    }
}
