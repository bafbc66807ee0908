package io.streampulse.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampulse.testkit.Browser;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.MjpegServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static io.streampulse.suite.SuiteUnderSupervisord.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live dashboard end to end, with the five real jars under supervisord: the first admin is made through
 * /setup with the token from the data volume, a real camera (testkit's MJPEG server) is added in the stream
 * editor (tested with "Test now", then saved), the dashboard shows it UP; the camera stops and the same page (no reload) shows it DOWN within 2 s of the
 * monitor deciding so.
 */
class SuiteDashboardBrowserTest {

    private static final Duration BOOT = Duration.ofSeconds(90);
    private static final String STREAM = "suite-cam";
    /** from the monitor's state change (its {@code since}) to the page; the "within 2 s" */
    private static final long LIVE_MS = 2_000;
    private static final String DOWN_OBSERVER = """
            window.sameDocument = true;
            const badge = () => document.querySelector('tr[data-id="suite-cam"] .state');
            new MutationObserver(() => {
              if (!window.downAt && badge() && badge().textContent === 'down') window.downAt = Date.now();
            }).observe(document.getElementById('streams'), {subtree: true, childList: true, characterData: true});
            """;

    @Test
    void aStreamAddedInTheEditor_isUpOnTheDashboard_andShowsDownWithoutAReload_whenItsCameraStops(@TempDir Path dir)
            throws Exception {
        try (SuiteUnderSupervisord suite = new SuiteUnderSupervisord(dir); MjpegServer camera = MjpegServer.start()) {
            suite.start();
            for (String service : SERVICES) {
                Eventually.await(BOOT, service + " healthy (log: " + dir + "/data/logs)",
                        () -> suite.health(service).tryHealth(), Optional::isPresent);
            }
            URI webgui = URI.create("http://127.0.0.1:" + suite.ports.get("webgui"));

            try (Browser browser = Browser.open()) {
                createFirstAdmin(browser, webgui, suite.suite.dataDir().resolve("setup-token.txt"));
                addStream(browser, webgui, camera.url("/auth.mjpg"));
                browser.go(webgui.resolve("/"));
                By badge = By.cssSelector("tr[data-id=" + STREAM + "] .state");
                browser.await(ExpectedConditions.textToBe(badge, "UP"), Duration.ofSeconds(60));
                browser.await(d -> "online".equals(browser.find("body").getAttribute("data-live")));
                JavascriptExecutor js = (JavascriptExecutor) browser.driver();
                js.executeScript(DOWN_OBSERVER);
                browser.screenshot("suite-dashboard-up");

                camera.close();
                // the monitor notices at its next check (interval 5 s, no retries); then the clock of the issue runs
                browser.await(ExpectedConditions.textToBe(badge, "DOWN"), Duration.ofSeconds(30));
                long downAt = ((Number) js.executeScript("return window.downAt;")).longValue();
                long since = monitorStream(suite.ports.get("monitor")).path("since").asLong();
                assertEquals("DOWN", monitorStream(suite.ports.get("monitor")).path("state").asText());
                assertTrue(downAt - since <= LIVE_MS, "the page showed DOWN " + (downAt - since)
                        + " ms after the monitor decided it (at most " + LIVE_MS + ")");
                assertEquals(true, js.executeScript("return window.sameDocument === true;"), "no reload");
                browser.screenshot("suite-dashboard-down");
            }
        }
    }

    /** The stream editor (webgui/streams): fill the form, "Test now" through the monitor's check API, save. */
    private static void addStream(Browser browser, URI webgui, URI url) {
        browser.go(webgui.resolve("/streams/new"));
        browser.fill("#name", "Suite camera");
        browser.fill("#id", STREAM);
        browser.fill("#url", url.toString());
        browser.fill("#username", MjpegServer.USER);
        browser.fill("#password", MjpegServer.PASSWORD);
        browser.fill("#interval_seconds", "5");
        browser.fill("#timeout_seconds", "2");
        browser.fill("#retries", "0");
        browser.click("#test-now");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("test-result")), Duration.ofSeconds(30));
        browser.await(d -> browser.find("#test-result").getText().startsWith("UP"), Duration.ofSeconds(30));
        browser.screenshot("suite-stream-tested");
        browser.click("#save");
        browser.await(d -> browser.path().equals("/streams/" + STREAM), Duration.ofSeconds(30));
    }

    private static void createFirstAdmin(Browser browser, URI webgui, Path tokenFile) throws Exception {
        String token = Eventually.await(Duration.ofSeconds(30), "the setup token on the data volume",
                () -> Files.exists(tokenFile) ? read(tokenFile) : "", t -> !t.isBlank());
        browser.go(webgui.resolve("/setup"));
        browser.fill("#token", token);
        browser.fill("#username", "admin");
        browser.fill("#password", "suite-admin-pass");
        browser.fill("#confirm", "suite-admin-pass");
        browser.click("#create-admin");
        browser.await(d -> !browser.path().equals("/setup"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static JsonNode monitorStream(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/streams/" + STREAM)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }
}
