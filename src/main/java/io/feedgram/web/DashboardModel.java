package io.feedgram.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.feedgram.api.ApiProblem;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every dashboard page shows (the totals header, the CSRF token its forms carry), and the
 * page for a refusal: the API's own {@link ApiProblem}s, with their status and sentence.
 */
@ControllerAdvice(basePackageClasses = DashboardModel.class)
class DashboardModel {

    private final PostTotals totals;

    DashboardModel(PostTotals totals) {
        this.totals = totals;
    }

    @ModelAttribute
    void signedIn(HttpServletRequest request, Model model) {
        if (request.getAttribute(DashboardGate.SESSION) instanceof DashboardSessions.Session session) {
            model.addAttribute("csrf", session.csrfToken());
            model.addAttribute("totals", totals.now());
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
