package io.streampulse.webgui.support;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Enrolment and the two-step sign-in, over a {@link FormClient}, for tests that need a user with TOTP. */
public final class TwoFactor {

    private TwoFactor() {
    }

    /** The enrolled app and the recovery codes shown once. */
    public record Enrolled(AuthenticatorApp app, List<String> recoveryCodes) {
    }

    /** Enrols TOTP for the client's signed-in user with the current code; fails the test when it does not work. */
    public static Enrolled enrol(FormClient client) {
        AuthenticatorApp app = AuthenticatorApp.fromPage(client.get("/account/totp").body());
        HttpResponse<String> done = client.post("/account/totp", Map.of("code", app.code(0)));
        if (done.statusCode() != 200) {
            throw new AssertionError("enrolment failed: HTTP " + done.statusCode() + " " + done.body());
        }
        return new Enrolled(app, AuthenticatorApp.recoveryCodes(done.body()));
    }

    /** The password step: a fresh client's answer to the login form. */
    public static HttpResponse<String> password(FormClient client, String username, String password) {
        client.get("/login");
        return client.post("/login", Map.of("username", username, "password", password));
    }

    /** The code step (after {@link #password}): loads the form for its CSRF token, then posts the code. */
    public static HttpResponse<String> code(FormClient client, String code) {
        client.get("/login/totp");
        return client.post("/login/totp", Map.of("code", code));
    }

    /** A code that is certainly wrong now: the right one with its last digit changed. */
    public static String wrong(AuthenticatorApp app) {
        String right = app.code(0);
        char last = right.charAt(5);
        return right.substring(0, 5) + (last == '9' ? '0' : (char) (last + 1));
    }
}
