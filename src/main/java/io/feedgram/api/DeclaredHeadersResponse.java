package io.feedgram.api;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** Drops every response header the API does not declare. */
final class DeclaredHeadersResponse extends HttpServletResponseWrapper {

    DeclaredHeadersResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setHeader(String name, String value) {
        if (DeclaredResponseHeaders.declared(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (DeclaredResponseHeaders.declared(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (DeclaredResponseHeaders.declared(name)) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (DeclaredResponseHeaders.declared(name)) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (DeclaredResponseHeaders.declared(name)) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (DeclaredResponseHeaders.declared(name)) {
            super.addDateHeader(name, date);
        }
    }
}
