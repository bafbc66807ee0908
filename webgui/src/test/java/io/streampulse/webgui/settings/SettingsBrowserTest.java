package io.streampulse.webgui.settings;

import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.support.Browser;
import io.streampulse.webgui.support.FakeBridgeApi;
import io.streampulse.webgui.support.SampleSite;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.streampulse.webgui.support.SampleSite.FRONT_DOOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings and sensors pages in a real Chromium: save with a notice, the browser's zone, a test send. */
class SettingsBrowserTest {

    static final String CONFIG = String.join("\n",
            "timezone: Pacific/Auckland",
            "mqtt: {enabled: true, host: old.lan, username: publisher, password: pub-pass}",
            "yolink: {uaid: ua_site, secret_key: yolink-secret}",
            "receivers:",
            "  chekt: {enabled: true, url: 'http://10.0.0.20:30003', api_token: tok}",
            "  sia: {enabled: true, host: 10.0.0.30, account: '1234'}",
            "  modbus: {enabled: true, host: 10.0.0.40, channels: 8}",
            "streams: []",
            "") + SampleSite.devicesYaml();

    @TempDir
    static Path dir;
    static FakeBridgeApi bridge;
    static WebguiServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        bridge = SampleSite.bridge(System.currentTimeMillis());
        server = WebguiServer.start(dir, CONFIG, Map.of("streampulse.bridge.url", bridge.url().toString()));
        server.addUser("alice", "alice-password-1", Role.ADMIN);
        browser = Browser.open();
        browser.signIn(server.url(), "alice", "alice-password-1", "/settings");
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
        bridge.close();
    }

    @Test
    void settings_saveShowsANotice_browserZoneIsSuggested_sendTestShowsTheAnswer() throws Exception {
        browser.go(server.url("/settings"));
        String browserZone = (String) ((JavascriptExecutor) browser.driver())
                .executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("use-browser-zone")));
        assertEquals(browserZone, browser.find("#browser-zone").getText());
        browser.click("#use-browser-zone");
        assertEquals(browserZone, new Select(browser.find("#timezone-timezone")).getFirstSelectedOption().getText());

        browser.fill("#mqtt-host", "broker.site.lan");
        browser.click("#save-mqtt");
        browser.await(ExpectedConditions.textToBe(By.id("settings-notice"), "MQTT publisher saved."));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "MQTT publisher saved."));
        String text = Files.readString(server.suite().configPath());
        assertTrue(text.contains("host: broker.site.lan"), text);
        assertTrue(text.contains("timezone: Pacific/Auckland"), "the zone form was not submitted: " + text);

        browser.fill("#test-target-chekt", "5");
        browser.click("#test-chekt");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result-chekt"), "OK: HTTP 200"));
        browser.click("#test-sia");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result-sia"),
                "Failed: receiver 'sia' is not configured or not enabled"));
        fullPageScreenshot("settings");
    }

    @Test
    void sensors_listAndDevicePage() {
        browser.go(server.url("/sensors"));
        browser.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sensors tbody tr"), 11));
        fullPageScreenshot("sensors");

        browser.click("#sensor-" + FRONT_DOOR + " a");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("deliveries")));
        browser.fill("#sia_zone", "11");
        browser.click("#save-mapping");
        browser.await(ExpectedConditions.textToBe(By.id("mapping-notice"), "Mapping saved."));
        assertEquals("11", browser.find("#sia_zone").getAttribute("value"));
        fullPageScreenshot("sensor");
    }

    /** The whole page in one picture for review: the window grows to the page's height, then shrinks back. */
    private static void fullPageScreenshot(String name) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("window.scrollTo(0, 0)");
        long height = (Long) js.executeScript("return document.documentElement.scrollHeight");
        long chrome = (Long) js.executeScript("return window.outerHeight - window.innerHeight");
        browser.driver().manage().window().setSize(new Dimension(1280, (int) Math.min(height + chrome, 6000)));
        browser.screenshot(name);
        browser.driver().manage().window().setSize(new Dimension(1280, (int) (900 + chrome)));
    }
}
