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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TOTP over real HTTP: enrolment, the second sign-in step, replay, recovery codes, turning it off. */
class TotpSignInTest {

    @TempDir
    static Path dir;
    static WebguiServer server;

    @BeforeAll
    static void start() {
        server = WebguiServer.start(dir);
        server.addUser("ann", "ann-password-1", Role.ADMIN);
        server.addUser("tom", "tom-password-1", Role.VIEWER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void enrolment_showsAnSvgQrAndTheKey_andWantsAFirstRightCode() {
        FormClient tom = new FormClient(server.url()).signIn("tom", "tom-password-1");
        HttpResponse<String> page = tom.get("/account/totp");
        assertEquals(200, page.statusCode());
        String svg = page.body().substring(page.body().indexOf("<svg"), page.body().indexOf("</svg>"));
        assertTrue(svg.contains("<path fill=\"#000000\" d=\"M"), svg);
        assertFalse(svg.contains("style"), "no style attributes (CSP)");
        assertEquals(key(page.body()), key(tom.get("/account/totp").body()),
                "the pending key stays the same across reloads");

        var app = AuthenticatorApp.fromPage(page.body());
        HttpResponse<String> wrong = tom.post("/account/totp", Map.of("code", TwoFactor.wrong(app)));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("That code is not right"), wrong.body());

        HttpResponse<String> right = tom.post("/account/totp", Map.of("code", app.code(0)));
        assertEquals(200, right.statusCode());
        assertEquals(10, AuthenticatorApp.recoveryCodes(right.body()).size());
        assertTrue(tom.get("/account").body().contains("id=\"account-totp\">on<"));
        assertTrue(AuthenticatorApp.recoveryCodes(tom.get("/account/totp").body())
                .isEmpty(), "the recovery codes are shown only once");
    }

    @Test
    void signIn_needsTheCodeAfterThePassword_eachCodeOnce_andRecoveryCodesOnce() {
        TwoFactor.Enrolled ann = TwoFactor.enrol(new FormClient(server.url()).signIn("ann", "ann-password-1"));

        FormClient browser = new FormClient(server.url());
        HttpResponse<String> password = TwoFactor.password(browser, "ann", "ann-password-1");
        assertEquals(303, password.statusCode());
        assertTrue(password.headers().firstValue("Location").orElseThrow().startsWith("/login/totp"));
        assertEquals(303, browser.get("/account").statusCode(), "nothing but the code step before the code");

        HttpResponse<String> wrong = TwoFactor.code(browser, TwoFactor.wrong(ann.app()));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains(TotpLoginController.WRONG));

        String code = ann.app().code(1); // the enrolment spent the current step; the next one is within the window
        HttpResponse<String> signedIn = TwoFactor.code(browser, code);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals(200, browser.get("/account").statusCode());

        FormClient replay = new FormClient(server.url());
        TwoFactor.password(replay, "ann", "ann-password-1");
        assertEquals(401, TwoFactor.code(replay, code).statusCode(), "the same code twice");

        String recovery = ann.recoveryCodes().get(4);
        HttpResponse<String> rescued = TwoFactor.code(replay, recovery.toUpperCase());
        assertEquals(303, rescued.statusCode());
        assertEquals("/account/totp?recovery=used", rescued.headers().firstValue("Location").orElseThrow());
        assertTrue(replay.get("/account/totp?recovery=used").body().contains("9 left"));

        FormClient again = new FormClient(server.url());
        TwoFactor.password(again, "ann", "ann-password-1");
        assertEquals(401, TwoFactor.code(again, recovery).statusCode(), "a recovery code works once");
    }

    @Test
    void turningItOff_needsThePassword_andTheNextEnrolmentHasANewKey() {
        server.addUser("una", "una-password-1", Role.VIEWER);
        FormClient una = new FormClient(server.url()).signIn("una", "una-password-1");
        String firstKey = key(una.get("/account/totp").body());
        TwoFactor.enrol(una);
        una.get("/account/totp");

        HttpResponse<String> wrong = una.post("/account/totp/off", Map.of("password", "nope"));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("This is not your password."));

        HttpResponse<String> off = una.post("/account/totp/off", Map.of("password", "una-password-1"));
        assertEquals(303, off.statusCode());
        String page = una.get(off.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(page.contains("Two-factor sign-in is off."));
        assertNotEquals(firstKey, key(page), "a new key");

        FormClient next = new FormClient(server.url());
        HttpResponse<String> password = TwoFactor.password(next, "una", "una-password-1");
        assertEquals("/", password.headers().firstValue("Location").orElseThrow(), "no code step any more");
    }

    private static String key(String html) {
        return html.replaceAll("(?s).*id=\"totp-secret\">([A-Z2-7 ]+)<.*", "$1");
    }
}
