package io.streampulse.webgui.login;

import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.support.AuthenticatorApp;
import io.streampulse.webgui.support.FormClient;
import io.streampulse.webgui.support.TwoFactor;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** web.require_totp: after the password, a user without TOTP can reach only the enrolment page until enrolled. */
class RequireTotpTest {

    @TempDir
    static Path dir;
    static WebguiServer server;

    @BeforeAll
    static void start() {
        server = WebguiServer.start(dir, "streams: []\nweb:\n  require_totp: true\n", Map.of());
        server.addUser("bob", "bob-password-1", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aUserWithoutTotp_isHeldOnTheEnrolmentPage_untilTheFirstCode() {
        FormClient bob = new FormClient(server.url());
        HttpResponse<String> password = TwoFactor.password(bob, "bob", "bob-password-1");
        assertEquals(303, password.statusCode());
        assertEquals("/account/totp", password.headers().firstValue("Location").orElseThrow());

        assertEquals("/account/totp", bob.get("/streams").headers().firstValue("Location").orElseThrow());
        assertEquals("/account/totp", bob.get("/users").headers().firstValue("Location").orElseThrow());
        HttpResponse<String> script = bob.json("GET", "/api/streams", null);
        assertEquals(403, script.statusCode());
        assertTrue(script.body().contains("Set up two-factor sign-in (TOTP) first"), script.body());

        HttpResponse<String> page = bob.get("/account/totp");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("required on this server"));
        assertEquals(403, bob.post("/account/password", Map.of("current", "bob-password-1")).statusCode());

        HttpResponse<String> enrolled = bob.post("/account/totp",
                Map.of("code", AuthenticatorApp.fromPage(page.body()).code(0)));
        assertEquals(200, enrolled.statusCode());
        assertTrue(enrolled.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("sp_session=")),
                "signed in properly: a new session");
        assertEquals(10, AuthenticatorApp.recoveryCodes(enrolled.body()).size());
        assertEquals(200, bob.get("/users").statusCode(), "everything is open now");
    }
}
