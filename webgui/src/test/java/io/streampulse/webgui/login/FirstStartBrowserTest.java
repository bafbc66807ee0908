package io.streampulse.webgui.login;

import io.streampulse.webgui.account.SetupToken;
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

/** First start in a real Chromium: no default password; the setup token from the data volume makes the admin. */
class FirstStartBrowserTest {

    @TempDir
    Path dir;

    @Test
    void firstStart_setupWithTheToken_createsTheAdmin_whoCanSignOutAndBackIn() throws Exception {
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

            browser.click("header form button");
            browser.await(d -> browser.path().equals("/login"));
            browser.signIn(server.url(), "admin", "first-admin-pass", "/account");
            assertEquals("admin", browser.find("#account-username").getText());

            browser.go(server.url("/setup"));
            assertFalse(browser.path().equals("/setup"), "setup is closed once an admin exists");
        }
    }
}
