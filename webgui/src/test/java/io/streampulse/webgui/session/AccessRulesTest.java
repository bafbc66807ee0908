package io.streampulse.webgui.session;

import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.support.FormClient;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate, over real HTTP: sign-in, CSRF, viewer read-only, security headers. */
class AccessRulesTest {

    @TempDir
    static Path dir;
    static WebguiServer server;

    @BeforeAll
    static void start() {
        server = WebguiServer.start(dir);
        server.addUser("alice", "alice-password-1", Role.ADMIN);
        server.addUser("victor", "victor-password-1", Role.VIEWER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPageWithoutSignIn_redirectsToLoginWithTheWayBack() {
        HttpResponse<String> response = new FormClient(server.url()).get("/account?tab=x");

        assertEquals(303, response.statusCode());
        assertEquals("/login?next=%2Faccount%3Ftab%3Dx", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aScriptWithoutSignIn_gets401Json() {
        HttpResponse<String> response = new FormClient(server.url()).json("GET", "/api/anything", null);

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("Sign in first"), response.body());
    }

    @Test
    void wrongPassword_isRefusedWithAMessage_andRightOneGivesANewSessionId() {
        FormClient client = new FormClient(server.url());
        HttpResponse<String> login = client.get("/login");
        String before = cookie(login);

        HttpResponse<String> wrong = client.post("/login", Map.of("username", "alice", "password", "nope"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Wrong username or password."));

        HttpResponse<String> right = client.post("/login",
                Map.of("username", "ALICE", "password", "alice-password-1", "next", "/account"));
        assertEquals(303, right.statusCode());
        assertEquals("/account", right.headers().firstValue("Location").orElseThrow());
        String after = cookie(right);
        assertNotEquals(before, after, "a new session id at sign-in");
        assertTrue(right.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.toLowerCase().contains("httponly") && c.contains("SameSite=Lax")), right.headers().toString());
    }

    @Test
    void aPostWithoutTheCsrfToken_is403_andWithIt_isServed() {
        FormClient client = new FormClient(server.url()).signIn("alice", "alice-password-1");

        HttpResponse<String> forged = client.postRaw("/account/password",
                Map.of("current", "alice-password-1", "password", "whatever-else-1", "confirm", "whatever-else-1"));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("CSRF"), forged.body());

        HttpResponse<String> honest = client.post("/account/password",
                Map.of("current", "wrong", "password", "x", "confirm", "y"));
        assertEquals(400, honest.statusCode(), "reached the controller, which checks the fields");
        assertTrue(honest.body().contains("This is not your current password."));
    }

    @Test
    void aViewersChange_is403_butTheirOwnPasswordFormIsTheirs() {
        FormClient viewer = new FormClient(server.url()).signIn("victor", "victor-password-1");

        HttpResponse<String> settings = viewer.post("/settings/mqtt", Map.of("host", "evil"));
        assertEquals(403, settings.statusCode());
        assertTrue(settings.body().contains("Viewers cannot change anything"), settings.body());

        HttpResponse<String> own = viewer.post("/account/password", Map.of("current", "nope"));
        assertEquals(400, own.statusCode());
    }

    @Test
    void everyAnswer_carriesAStrictContentSecurityPolicy() {
        HttpResponse<String> response = new FormClient(server.url()).get("/login");

        assertEquals(200, response.statusCode());
        assertEquals(AccessFilter.CONTENT_SECURITY_POLICY,
                response.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void signingOut_endsTheSession() {
        FormClient client = new FormClient(server.url()).signIn("alice", "alice-password-1");

        assertEquals(303, client.post("/logout", Map.of()).statusCode());

        assertEquals(303, client.get("/account").statusCode(), "back to the login page");
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("sp_session="))
                .findFirst().map(c -> c.substring(0, c.indexOf(';'))).orElse("");
    }
}
