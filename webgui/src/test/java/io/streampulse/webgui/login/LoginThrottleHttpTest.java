package io.streampulse.webgui.login;

import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.support.FormClient;
import io.streampulse.webgui.support.TwoFactor;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guessing over real HTTP: five misses lock the user and the address, the password and the code step alike. */
class LoginThrottleHttpTest {

    @TempDir
    Path dir;

    @Test
    void fiveWrongPasswords_thenEvenTheRightOneWaits() {
        try (WebguiServer server = WebguiServer.start(dir)) {
            server.addUser("ann", "ann-password-1", Role.ADMIN);
            FormClient client = new FormClient(server.url());
            for (int i = 0; i < 5; i++) {
                assertEquals(401, TwoFactor.password(client, "ann", "guess-" + i).statusCode());
            }
            HttpResponse<String> locked = TwoFactor.password(client, "ann", "ann-password-1");
            assertEquals(429, locked.statusCode());
            assertTrue(locked.body().contains("Too many attempts; try again in 30 s."), locked.body());
            assertTrue(locked.body().contains("id=\"sign-in\""), "the form is still there");
        }
    }

    @Test
    void fiveWrongCodes_thenEvenTheRightCodeWaits() {
        try (WebguiServer server = WebguiServer.start(dir)) {
            server.addUser("tess", "tess-password-1", Role.VIEWER);
            TwoFactor.Enrolled tess = TwoFactor.enrol(new FormClient(server.url()).signIn("tess", "tess-password-1"));
            FormClient client = new FormClient(server.url());
            assertEquals(303, TwoFactor.password(client, "tess", "tess-password-1").statusCode());
            for (int i = 0; i < 5; i++) {
                assertEquals(401, TwoFactor.code(client, TwoFactor.wrong(tess.app())).statusCode());
            }
            HttpResponse<String> locked = TwoFactor.code(client, tess.app().code(1));
            assertEquals(429, locked.statusCode());
            assertTrue(locked.body().contains("Too many attempts; try again in"), locked.body());
        }
    }
}
