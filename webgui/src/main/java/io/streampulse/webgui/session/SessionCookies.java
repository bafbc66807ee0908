package io.streampulse.webgui.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

/**
 * The session cookie: HttpOnly (scripts never see it), SameSite=Lax (other sites cannot post with it), Secure
 * whenever the browser reached us over TLS, directly or through a reverse proxy that says so. No Max-Age: it
 * ends with the browser, and the server enforces the idle and absolute lifetimes anyway.
 */
public final class SessionCookies {

    public static final String NAME = "sp_session";

    private SessionCookies() {
    }

    public static Cookie of(WebSession session, HttpRequest<?> request) {
        return Cookie.of(NAME, session.id()).httpOnly(true).sameSite(SameSite.Lax).path("/").secure(tls(request));
    }

    public static Cookie cleared(HttpRequest<?> request) {
        return Cookie.of(NAME, "").httpOnly(true).sameSite(SameSite.Lax).path("/").secure(tls(request)).maxAge(0);
    }

    static boolean tls(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
