package io.feedgram.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error Spring MVC or a servlet sends (an unmatched path, a wrong method, a request it
 * cannot read) answered as an RFC 9457 problem document instead of a Whitelabel page. A 5xx
 * reveals nothing beyond its status.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        return problems.entity(ProblemWriter.forStatus(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status));
    }
}
