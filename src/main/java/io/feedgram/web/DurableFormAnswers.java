package io.feedgram.web;

import io.feedgram.system.DurableWrites;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A dashboard action (retry, cancel, poll now, refresh, disconnect, sign in) is durable before its page answers: the
 * page then says it is done, and a killed process must not undo it. Chosen by handler, so it covers every page of
 * this package and nothing else; it runs after the handler and before its view is rendered.
 */
@Component
class DurableFormAnswers implements HandlerInterceptor, WebMvcConfigurer {

    private final DurableWrites durable;

    DurableFormAnswers(DurableWrites durable) {
        this.durable = durable;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (!"GET".equals(request.getMethod()) && handler instanceof HandlerMethod method
                && method.getBeanType().getPackageName().equals(DurableFormAnswers.class.getPackageName())) {
            durable.await();
        }
    }
}
