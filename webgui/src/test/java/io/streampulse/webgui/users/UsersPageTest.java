package io.streampulse.webgui.users;

import io.streampulse.webgui.account.Role;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The users page over real HTTP. Every test leaves ann as the only enabled admin, which the last-admin test
 * relies on.
 */
class UsersPageTest {

    @TempDir
    static Path dir;
    static WebguiServer server;
    /** ann's browser, signed in once for the class (no test ends her sessions) */
    static FormClient ann;

    @BeforeAll
    static void start() {
        server = WebguiServer.start(dir);
        server.addUser("ann", "ann-password-1", Role.ADMIN);
        server.addUser("vic", "vic-password-1", Role.VIEWER);
        ann = new FormClient(server.url()).signIn("ann", "ann-password-1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static FormClient admin() {
        ann.get("/users");
        return ann;
    }

    @Test
    void viewers_getNoUsersPage_andNoLinkToIt() {
        FormClient vic = new FormClient(server.url()).signIn("vic", "vic-password-1");

        HttpResponse<String> page = vic.get("/users");
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("Only admins manage users."), page.body());
        assertEquals(403, vic.post("/users/add", Map.of("username", "evil", "role", "admin",
                "password", "evil-password-1", "confirm", "evil-password-1")).statusCode());
        assertFalse(vic.get("/account").body().contains("href=\"/users\""));
        assertTrue(admin().get("/account").body().contains("href=\"/users\""));
    }

    @Test
    void anAdminAddsAUser_whoCanSignIn_andBadFieldsAreNamed() {
        FormClient ann = admin();
        HttpResponse<String> bad = ann.post("/users/add",
                Map.of("username", "carl", "role", "viewer", "password", "short", "confirm", "short"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("id=\"password-error\""), bad.body());

        HttpResponse<String> added = ann.post("/users/add", Map.of("username", "carl", "role", "viewer",
                "password", "carl-password-1", "confirm", "carl-password-1"));
        assertEquals(303, added.statusCode());
        assertEquals("/users?done=added&user=carl", added.headers().firstValue("Location").orElseThrow());
        assertTrue(ann.get("/users?done=added&user=carl").body().contains("carl: User added."));
        assertTrue(ann.get("/users").body().contains("data-user=\"carl\""));
        HttpResponse<String> taken = ann.post("/users/add", Map.of("username", "CARL", "role", "viewer",
                "password", "carl-password-1", "confirm", "carl-password-1"));
        assertEquals(400, taken.statusCode());
        assertTrue(taken.body().contains(UserAdmin.TAKEN), "in any letter case");

        new FormClient(server.url()).signIn("carl", "carl-password-1");
    }

    @Test
    void disabling_endsTheUsersSessions_andKeepsThemOut_untilEnabled() {
        server.addUser("dan", "dan-password-1", Role.VIEWER);
        FormClient dan = new FormClient(server.url()).signIn("dan", "dan-password-1");
        FormClient ann = admin();

        assertEquals(303, ann.post("/users/disable", Map.of("username", "dan")).statusCode());
        assertEquals(303, dan.get("/account").statusCode(), "signed out at once");
        HttpResponse<String> refused = TwoFactor.password(new FormClient(server.url()), "dan", "dan-password-1");
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("This account is disabled"));

        assertEquals(303, ann.post("/users/enable", Map.of("username", "dan")).statusCode());
        new FormClient(server.url()).signIn("dan", "dan-password-1");
    }

    @Test
    void aPasswordReset_replacesThePassword_andSignsTheUserOut() {
        server.addUser("eve", "eve-password-1", Role.VIEWER);
        FormClient eve = new FormClient(server.url()).signIn("eve", "eve-password-1");
        FormClient ann = admin();

        assertEquals(400, ann.post("/users/password",
                Map.of("username", "eve", "password", "new-eve-pass-1", "confirm", "other")).statusCode());
        assertEquals(303, ann.post("/users/password",
                Map.of("username", "eve", "password", "new-eve-pass-1", "confirm", "new-eve-pass-1")).statusCode());
        assertEquals(303, eve.get("/account").statusCode());
        assertEquals(401, TwoFactor.password(new FormClient(server.url()), "eve", "eve-password-1").statusCode());
        new FormClient(server.url()).signIn("eve", "new-eve-pass-1");
    }

    @Test
    void aRoleChange_takesEffectAtOnce() {
        server.addUser("fay", "fay-password-1", Role.VIEWER);
        FormClient fay = new FormClient(server.url()).signIn("fay", "fay-password-1");
        FormClient ann = admin();

        assertEquals(303, ann.post("/users/role", Map.of("username", "fay", "role", "admin")).statusCode());
        assertEquals(303, fay.get("/account").statusCode(), "the old session (viewer) is gone");
        FormClient promoted = new FormClient(server.url()).signIn("fay", "fay-password-1");
        assertEquals(200, promoted.get("/users").statusCode());

        assertEquals(303, ann.post("/users/role", Map.of("username", "fay", "role", "viewer")).statusCode());
        assertEquals(400, ann.post("/users/role", Map.of("username", "fay", "role", "root")).statusCode());
    }

    @Test
    void aTotpReset_letsTheUserInWithThePasswordAlone_toEnrolAgain() {
        server.addUser("gus", "gus-password-1", Role.VIEWER);
        TwoFactor.enrol(new FormClient(server.url()).signIn("gus", "gus-password-1"));
        assertTrue(TwoFactor.password(new FormClient(server.url()), "gus", "gus-password-1").headers()
                .firstValue("Location").orElseThrow().startsWith("/login/totp"));

        assertEquals(303, admin().post("/users/totp-reset", Map.of("username", "gus")).statusCode());
        assertEquals("/", TwoFactor.password(new FormClient(server.url()), "gus", "gus-password-1").headers()
                .firstValue("Location").orElseThrow());
    }

    @Test
    void theLastEnabledAdmin_canBeNeitherDemotedNorDisabled() {
        FormClient ann = admin();

        HttpResponse<String> demote = ann.post("/users/role", Map.of("username", "ann", "role", "viewer"));
        assertEquals(400, demote.statusCode());
        assertTrue(demote.body().contains("ann: " + UserAdmin.LAST_ADMIN), demote.body());
        assertEquals(400, ann.post("/users/disable", Map.of("username", "ann")).statusCode());
        assertEquals(200, ann.get("/users").statusCode(), "still an admin, still signed in");
        assertEquals(400, ann.post("/users/disable", Map.of("username", "nobody")).statusCode());
    }
}
