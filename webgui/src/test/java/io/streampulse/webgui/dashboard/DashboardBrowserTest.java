package io.streampulse.webgui.dashboard;

import io.streampulse.testkit.Eventually;
import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.live.LiveBoard;
import io.streampulse.webgui.support.Browser;
import io.streampulse.testkit.FakeBridgeFeed;
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
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

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
                browser.await(d -> rows(browser).size() == 1);
                assertTrue(browser.find("tr[data-id=gate]").isDisplayed());
                browser.find("#stream-search").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                browser.await(d -> rows(browser).size() == 3);
                Path shot = browser.screenshot("dashboard");
                assertTrue(Files.size(shot) > 0);

                browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                browser.screenshot("dashboard-phone");
            }
        }
    }

    @Test
    void aLargeSite_showsOnePageProblemsFirst_andPagesSearchesAndFiltersAllStreams_withoutAReload() throws Exception {
        long now = System.currentTimeMillis();
        try (FakeMonitorFeed monitor = new FakeMonitorFeed(); FakeBridgeFeed bridge = new FakeBridgeFeed()) {
            for (int i = 0; i < 150; i++) {
                String state = i == 149 ? "DOWN" : "UP";
                monitor.change(id(i), name(i), FakeMonitorFeed.streamJson(id(i), name(i), state, now, 20L, "ok"));
            }
            try (WebguiServer server = WebguiServer.start(dir, "streams: []\n", LivePeers.of(monitor.url(), bridge.url()));
                 Browser browser = Browser.open()) {
                server.addUser("admin", "admin-password-1", Role.ADMIN);
                Eventually.await(Duration.ofSeconds(10), "the webgui has the monitor's snapshot",
                        () -> server.bean(LiveBoard.class).snapshot().streams().size() == 150);
                browser.signIn(server.url(), "admin", "admin-password-1", "/");
                assertEquals(100, rows(browser).size(), "the server paints one page");
                assertEquals("s149", rows(browser).get(0).getAttribute("data-id"), "problems first");
                assertEquals("1–100 of 150", browser.find("#page-info").getText());
                browser.await(d -> "online".equals(browser.find("body").getAttribute("data-live")));
                JavascriptExecutor js = (JavascriptExecutor) browser.driver();
                js.executeScript("window.sameDocument = true;");

                browser.click("#page-next");
                browser.await(ExpectedConditions.textToBe(By.id("page-info"), "101–150 of 150"));
                assertEquals(50, rows(browser).size());
                assertEquals("page=2", URI.create(browser.driver().getCurrentUrl()).getRawQuery(),
                        "the address names the page, so a reload shows it again");
                browser.fill("#stream-search", "camera 12");
                browser.await(ExpectedConditions.textToBe(By.id("page-info"), "1–10 of 10 matching"));
                assertEquals("s120", rows(browser).get(0).getAttribute("data-id"));
                browser.find("#stream-search").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                browser.await(ExpectedConditions.textToBe(By.id("page-info"), "1–100 of 150"));

                monitor.change(id(60), name(60), FakeMonitorFeed.streamJson(id(60), name(60), "DOWN",
                        System.currentTimeMillis(), null, "connection refused"));
                browser.await(d -> List.of("s060", "s149").equals(rows(browser).subList(0, 2).stream()
                        .map(r -> r.getAttribute("data-id")).toList()), Duration.ofSeconds(2));
                assertEquals("2", browser.find("#stream-states a[data-state=down] .n").getText());
                browser.click("#stream-states a[data-state=down]");
                browser.await(ExpectedConditions.textToBe(By.id("page-info"), "1–2 of 2 matching"));
                assertEquals("down", browser.find("#stream-state").getAttribute("value"));
                assertEquals(true, js.executeScript("return window.sameDocument;"), "no reload");

                browser.go(server.url("/?sort=name&page=2"));
                assertEquals("s100", rows(browser).get(0).getAttribute("data-id"), "the server pages too (no script)");
                assertEquals("101–150 of 150", browser.find("#page-info").getText());
            }
        }
    }

    private static List<WebElement> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#streams tr[data-id]"));
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "s%03d", i);
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "Camera %03d", i);
    }
}
