package io.streampulse.webgui.session;

import io.streampulse.webgui.account.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessPolicyTest {

    private static WebSession session(String who) {
        return switch (who) {
            case "admin" -> new WebSession("i", "c", WebSession.Stage.SIGNED_IN, "a", Role.ADMIN, Instant.EPOCH);
            case "viewer" -> new WebSession("i", "c", WebSession.Stage.SIGNED_IN, "v", Role.VIEWER, Instant.EPOCH);
            case "totp" -> new WebSession("i", "c", WebSession.Stage.AWAITING_TOTP, "a", null, Instant.EPOCH);
            case "enrol" -> new WebSession("i", "c", WebSession.Stage.TOTP_ENROLMENT, "a", null, Instant.EPOCH);
            default -> new WebSession("i", "c", WebSession.Stage.ANONYMOUS, "", null, Instant.EPOCH);
        };
    }

    @ParameterizedTest(name = "{0} {1} by {2} (setup pending {3}) -> {4}")
    @CsvSource({
            "GET,  /static/css/app.css, nobody, true,  PUBLIC",
            "GET,  /webjars/uplot/1.6.30/dist/uPlot.iife.min.js, nobody, false, PUBLIC",
            "GET,  /health,             nobody, false, PUBLIC",
            "GET,  /,                   nobody, true,  SETUP_FIRST",
            "GET,  /login,              nobody, true,  SETUP_FIRST",
            "POST, /setup,              nobody, true,  PASS",
            "GET,  /,                   nobody, false, SIGN_IN",
            "GET,  /login,              nobody, false, PASS",
            "GET,  /streams,            totp,   false, SIGN_IN",
            "POST, /login/totp,         totp,   false, PASS",
            "GET,  /settings,           viewer, false, PASS",
            "POST, /settings/mqtt,      viewer, false, VIEWER_READ_ONLY",
            "DELETE, /streams/cam1,     viewer, false, VIEWER_READ_ONLY",
            "POST, /accounts,           viewer, false, VIEWER_READ_ONLY",
            "POST, /account/password,   viewer, false, PASS",
            "POST, /logout,             viewer, false, PASS",
            "POST, /streams/cam1/preview/release, viewer, false, PASS",
            "POST, /streams/cam1/preview, viewer, false, VIEWER_READ_ONLY",
            "POST, /settings/mqtt,      admin,  false, PASS",
            "GET,  /users,              viewer, false, ADMIN_ONLY",
            "POST, /users/add,          viewer, false, ADMIN_ONLY",
            "GET,  /users,              admin,  false, PASS",
            "POST, /users/disable,      admin,  false, PASS",
            "GET,  /users,              nobody, false, SIGN_IN",
            "GET,  /account/totp,       enrol,  false, PASS",
            "POST, /account/totp,       enrol,  false, PASS",
            "POST, /logout,             enrol,  false, PASS",
            "GET,  /,                   enrol,  false, ENROL_TOTP",
            "GET,  /account,            enrol,  false, ENROL_TOTP",
            "POST, /account/password,   enrol,  false, ENROL_TOTP",
            "GET,  /users,              enrol,  false, ENROL_TOTP",
            "GET,  /account/totp,       totp,   false, SIGN_IN",
            "GET,  /health/../settings, nobody, false, SIGN_IN",
            "GET,  /static/../settings, nobody, false, SIGN_IN",
            "GET,  /static/%2e%2e/settings, nobody, false, SIGN_IN",
    })
    void decide(String method, String path, String who, boolean setupPending, AccessPolicy.Verdict expected) {
        assertEquals(expected, AccessPolicy.decide(method, path, session(who), setupPending));
    }
}
