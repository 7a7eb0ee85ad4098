package io.feedgram.sandbox;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stands before every {@link SandboxControlController} and {@link SandboxPeopleController} handler, chosen by handler rather than by path
 * so no spelling of a URL slips past: only callers {@code control-from} allows, nothing from a page
 * of another origin, and no body but JSON. A cross-site HTML form cannot pass: it carries a form or
 * text content type and, from a current browser, an {@code Origin}.
 */
@SandboxBean
final class SandboxControlGuard implements HandlerInterceptor, WebMvcConfigurer {

    /** The controllers whose handlers are controls. */
    private static final java.util.Set<Class<?>> CONTROLS =
            java.util.Set.of(SandboxControlController.class, SandboxPeopleController.class);

    private final AddressAllowList allowed;

    SandboxControlGuard(SandboxProperties configured) {
        this.allowed = new AddressAllowList(configured.controlFrom());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !CONTROLS.contains(method.getBeanType())) {
            return true;
        }
        if (!allowed.allows(request.getRemoteAddr())) {
            throw SandboxControlProblems.refusal(HttpStatus.FORBIDDEN, "control-forbidden", "Caller not allowed",
                    request.getRemoteAddr() + " is not in feedgram.sandbox.control-from");
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (CorsUtils.isCorsRequest(request) || "cross-site".equals(site) || "same-site".equals(site)) {
            throw SandboxControlProblems.refusal(HttpStatus.FORBIDDEN, "control-cross-origin", "Cross-origin request",
                    "the sandbox controls answer only requests from their own origin");
        }
        String contentType = request.getContentType();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (contentType == null ? hasBody : !isJson(contentType)) {
            throw SandboxControlProblems.refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "control-media-type", "Unsupported media type",
                    "the sandbox controls take application/json bodies only");
        }
        return true;
    }

    private static boolean isJson(String contentType) {
        try {
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
