package io.streampulse.webgui.session;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Where a request carries its CSRF token: the {@code X-CSRF-Token} header (scripts) or the {@code _csrf} form field. */
public final class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "_csrf";

    private CsrfTokens() {
    }

    /** The {@code _csrf} value of an application/x-www-form-urlencoded body. */
    public static Optional<String> fromForm(String body) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(FIELD)) {
                try {
                    return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    public static boolean matches(WebSession session, String candidate) {
        return candidate != null && !candidate.isEmpty() && MessageDigest.isEqual(
                session.csrfToken().getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
}
