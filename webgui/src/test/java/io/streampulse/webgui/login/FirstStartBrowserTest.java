package io.streampulse.webgui.login;

import io.streampulse.webgui.account.SetupToken;
import io.streampulse.webgui.support.AuthenticatorApp;
import io.streampulse.webgui.support.Browser;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * First start in a real Chromium: no default password; the setup token from the data volume makes the admin, who
 * enrols TOTP (codes computed here with java-otp from the key on the page), signs out and back in with password
 * and code.
 */
class FirstStartBrowserTest {

    @TempDir
    Path dir;

    @Test
    void firstStart_setupCreatesTheAdmin_whoEnrolsTotp_andSignsBackInWithPasswordAndCode() throws Exception {
        try (WebguiServer server = WebguiServer.start(dir); Browser browser = Browser.open()) {
            Path tokenFile = server.suite().dataDir().resolve(SetupToken.FILE_NAME);
            String token = Files.readString(tokenFile).trim();

            browser.go(server.url("/"));
            assertEquals("/setup", browser.path(), "every page leads to setup while no user exists");

            browser.fill("#token", "not-the-token");
            browser.fill("#username", "admin");
            browser.fill("#password", "first-admin-pass");
            browser.fill("#confirm", "first-admin-pass");
            browser.click("#create-admin");
            browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("token-error")));
            assertEquals("true", browser.find("#token").getAttribute("aria-invalid"));

            browser.fill("#token", token);
            browser.fill("#password", "first-admin-pass");
            browser.fill("#confirm", "first-admin-pass");
            browser.click("#create-admin");
            browser.await(d -> browser.path().equals("/account"));
            assertEquals("admin", browser.find("#account-username").getText());
            assertEquals("admin", browser.find("#account-role").getText());
            assertFalse(Files.exists(tokenFile), "the used token is gone");
            browser.screenshot("first-start-account");

            browser.click("#totp-link");
            browser.await(d -> browser.path().equals("/account/totp"));
            assertTrue(browser.find("svg.qr").isDisplayed(), "the server-drawn QR code shows");
            assertTrue(browser.find("svg.qr").getSize().getWidth() >= 200, "at a scannable size (account.css)");
            AuthenticatorApp app = new AuthenticatorApp(browser.find("#totp-secret").getText());
            browser.screenshot("totp-enrolment");
            browser.fill("#code", app.code(0));
            browser.click("#confirm-totp");
            browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
            assertEquals(10, browser.driver().findElements(By.cssSelector("#recovery-codes li")).size());
            browser.screenshot("totp-recovery-codes");

            browser.click("header form button");
            browser.await(d -> browser.path().equals("/login"));
            browser.go(server.url("/login?next=/account"));
            browser.fill("#username", "admin");
            browser.fill("#password", "first-admin-pass");
            browser.click("#sign-in");
            browser.await(d -> browser.path().equals("/login/totp"));
            browser.fill("#code", app.code(1)); // the enrolment spent this step's code; the next is in the window
            browser.click("#verify-code");
            browser.await(d -> browser.path().equals("/account"));
            assertEquals("admin", browser.find("#account-username").getText());
            assertEquals("on", browser.find("#account-totp").getText());
            browser.click("header nav a[href='/users']");
            browser.await(d -> browser.path().equals("/users"));
            assertEquals("on", browser.find("tr[data-user=admin] td.optional").getText());
            browser.screenshot("users");

            browser.go(server.url("/setup"));
            assertFalse(browser.path().equals("/setup"), "setup is closed once an admin exists");
        }
    }
}
