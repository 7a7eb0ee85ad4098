package io.feedgram.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The dashboard's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page or link sends it), Secure whenever Feedgram is reached over HTTPS, and without Max-Age so
 * the browser forgets it when it closes; the server ends it sooner when idle.
 */
final class SessionCookie {

    static final String NAME = "feedgram_session";

    private SessionCookie() {
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> NAME.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    static void set(HttpServletResponse response, String value, boolean secure) {
        response.addHeader(HttpHeaders.SET_COOKIE, base(value, secure).build().toString());
    }

    static void clear(HttpServletResponse response, boolean secure) {
        response.addHeader(HttpHeaders.SET_COOKIE, base("", secure).maxAge(Duration.ZERO).build().toString());
    }

    private static ResponseCookie.ResponseCookieBuilder base(String value, boolean secure) {
        return ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Strict").secure(secure);
    }
}
