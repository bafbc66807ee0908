package io.streampulse.webgui.dashboard;

import io.streampulse.testkit.Eventually;
import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.live.LiveBoard;
import io.streampulse.webgui.support.Browser;
import io.streampulse.webgui.support.FakeBridgeFeed;
import io.streampulse.webgui.support.FakeMonitorFeed;
import io.streampulse.webgui.support.LivePeers;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real Chromium, fed by a fake monitor and a fake bridge over their real SSE shapes: the first
 * paint comes from the server, then a change on the fake reaches the page's DOM over /ws/live without a reload.
 */
class DashboardBrowserTest {

    /** badges are upper case on screen (CSS); getText() is what the user sees */
    private static final String XSS = "<script>alert(1)</script>";

    @TempDir
    Path dir;

    @Test
    void firstPaint_thenLiveChangesReachTheDom_withoutAReload_andNamesStayText() throws Exception {
        long now = System.currentTimeMillis();
        try (FakeMonitorFeed monitor = new FakeMonitorFeed(); FakeBridgeFeed bridge = new FakeBridgeFeed()) {
            monitor.change("gate", "Front gate", FakeMonitorFeed.streamJson("gate", "Front gate", "UP", now, 38L, "ok"));
            monitor.change("xss", XSS, FakeMonitorFeed.streamJson("xss", XSS, "DEGRADED", now, 120L, "frozen picture"));
            bridge.change("door1", FakeBridgeFeed.doorJson("door1", "Back door", "closed", 75, now));
            try (WebguiServer server = WebguiServer.start(dir, "streams: []\n", LivePeers.of(monitor.url(), bridge.url()));
                 Browser browser = Browser.open()) {
                server.addUser("admin", "admin-password-1", Role.ADMIN);
                Eventually.await(Duration.ofSeconds(10), "the webgui has both feeds' snapshots", () -> {
                    var snapshot = server.bean(LiveBoard.class).snapshot();
                    return snapshot.streams().size() == 2 && snapshot.devices().size() == 1
                            && snapshot.streams().stream().allMatch(s -> s.thumbnail() != null);
                });

                browser.signIn(server.url(), "admin", "admin-password-1", "/");
                assertEquals("UP", browser.find("tr[data-id=gate] .state").getText(), "server-rendered first paint");
                assertEquals("38 ms", browser.find("tr[data-id=gate] .c-latency").getText());
                assertEquals("98.75 %", browser.find("tr[data-id=gate] .c-uptime").getText());
                assertEquals(XSS, browser.find("tr[data-id=xss] .c-name").getText(), "a stream name is text");
                assertEquals(0, browser.driver().findElements(By.cssSelector("tr[data-id=xss] script")).size());
                assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
                browser.await(d -> "online".equals(browser.find("body").getAttribute("data-live")));
                ((JavascriptExecutor) browser.driver()).executeScript("window.sameDocument = true;");

                monitor.change("gate", "Front gate", FakeMonitorFeed.streamJson("gate", "Front gate", "DOWN",
                        System.currentTimeMillis(), null, "connection refused"));
                browser.await(ExpectedConditions.textToBe(By.cssSelector("tr[data-id=gate] .state"), "DOWN"),
                        Duration.ofSeconds(2));
                assertEquals("connection refused", browser.find("tr[data-id=gate] .reason").getText());
                bridge.change("door1", FakeBridgeFeed.doorJson("door1", "Back door", "open", 75,
                        System.currentTimeMillis()));
                browser.await(ExpectedConditions.textToBe(By.cssSelector("tr[data-id=door1] .c-alarm"), "open"),
                        Duration.ofSeconds(2));
                monitor.change("new", "New camera", FakeMonitorFeed.streamJson("new", "New camera", "PENDING",
                        System.currentTimeMillis(), null, "retrying"));
                browser.await(ExpectedConditions.textToBe(By.cssSelector("tr[data-id=new] .state"), "PENDING"));
                assertEquals(true, ((JavascriptExecutor) browser.driver()).executeScript("return window.sameDocument;"),
                        "no reload");
                assertEquals("UP", browser.find("#services li[data-id=bridge] .state").getText());

                browser.fill("#stream-search", "gate");
                browser.await(d -> !browser.find("tr[data-id=xss]").isDisplayed());
                assertTrue(browser.find("tr[data-id=gate]").isDisplayed());
                browser.find("#stream-search").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                browser.await(d -> browser.find("tr[data-id=xss]").isDisplayed());
                Path shot = browser.screenshot("dashboard");
                assertTrue(Files.size(shot) > 0);

                browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                browser.screenshot("dashboard-phone");
            }
        }
    }
}
