package io.streampulse.webgui.streams;

import io.streampulse.shared.config.StreamEntry;
import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.streams.support.FakeStreamsMonitor;
import io.streampulse.webgui.support.Browser;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stream editor and page in a real Chromium: add, test, save; a script as a name; charts for review. */
class StreamsBrowserTest {

    @TempDir
    static Path dir;
    static FakeStreamsMonitor monitor;
    static ServerSocket camera;
    static WebguiServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        monitor = new FakeStreamsMonitor();
        camera = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server = WebguiServer.start(dir, "streams: []\n", Map.of("streampulse.monitor.url", monitor.url().toString()));
        server.addUser("alice", "alice-password-1", Role.ADMIN);
        browser = Browser.open(1280, 1400); // tall enough for both charts in the screenshot
        browser.signIn(server.url(), "alice", "alice-password-1", "/streams");
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        server.close();
        monitor.close();
        camera.close();
    }

    private void addStream(String name, String url) {
        browser.go(server.url("/streams"));
        browser.click("#add-stream");
        browser.await(d -> browser.path().equals("/streams/new"));
        browser.fill("#name", name);
        browser.fill("#url", url);
    }

    @Test
    void addAStream_testIt_saveIt_andItIsListed_withChartsOnItsPage() throws Exception {
        addStream("Porch", "rtsp://127.0.0.1:" + camera.getLocalPort() + "/live");
        browser.fill("#username", "admin");
        browser.fill("#password", "porch-pass-1");
        browser.click("#test-now");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result"), "1280×720"));
        assertTrue(browser.find("#test-result").getText().startsWith("UP"), browser.find("#test-result").getText());
        browser.screenshot("stream-form-tested");

        browser.click("#save");
        String id = StreamEntry.deriveId("Porch");
        browser.await(d -> browser.path().equals("/streams/" + id));
        assertTrue(Files.readString(server.suite().configPath()).contains("name: Porch"));

        browser.go(server.url("/streams"));
        assertEquals("Porch", browser.find("#streams tr[data-stream-id='" + id + "'] .stream-name").getText());

        browser.go(server.url("/streams/" + id));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-note"), "points (minute)"));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#latency-chart canvas")));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#uptime-chart canvas")));
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
        browser.screenshot("stream-page");

        browser.click("button.range[data-range='7d']");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-note"), "168 points (hour)"));
        assertTrue(browser.find("#csv-link").getAttribute("href").endsWith("/history.csv?range=7d"));
    }

    @Test
    void aScriptAsAName_isShownAsText_onTheListAndTheStreamPage() {
        String name = "<script>alert(1)</script>";
        addStream(name, "rtsp://10.0.0.9/x");
        browser.click("#save");
        String id = StreamEntry.deriveId(name);
        browser.await(d -> browser.path().equals("/streams/" + id));

        assertEquals(name, browser.find("#stream-name").getText());
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
        browser.go(server.url("/streams"));
        assertEquals(name, browser.find("#streams tr[data-stream-id='" + id + "'] .stream-name").getText());
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    }

    @Test
    void aWrongAddress_isMarkedNextToTheField_byTestNowAndBySave() {
        addStream("Shed", "ftp://10.0.0.3/cam");
        browser.click("#test-now");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result"),
                "Fix the fields marked"));
        assertEquals("true", browser.find("#url").getAttribute("aria-invalid"));

        browser.click("#save");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("url-error")));
        assertEquals("The address must start with rtsp://, rtsps://, http:// or https://.",
                browser.find("#url-error").getText());
    }
}
