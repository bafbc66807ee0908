package io.streampulse.webgui.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampulse.testkit.FreePorts;
import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.streams.support.FakeStreamsMonitor;
import io.streampulse.webgui.support.FormClient;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parts of the stream pages that ask the monitor (a faithful fake of its API on a real socket): "test now",
 * the stream page, chart points, the streamed CSV and the capped preview.
 */
class StreamsAgainstMonitorTest {

    static final String CONFIG = """
            streams:
              - name: Front door
                url: rtsp://127.0.0.1:%d/stream1
                id: front
                username: admin
                password: door-secret-1
              - name: 'Gate "north", main'
                url: http://10.0.0.6/video.mjpg
                id: gate
            web:
              max_previews: 1
            """;

    @TempDir
    static Path dir;
    static FakeStreamsMonitor monitor;
    static ServerSocket camera;
    static WebguiServer server;
    static FormClient admin;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        monitor = new FakeStreamsMonitor();
        camera = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress()); // a camera port that accepts
        server = WebguiServer.start(dir, CONFIG.formatted(camera.getLocalPort()),
                Map.of("streampulse.monitor.url", monitor.url().toString()));
        server.addUser("alice", "alice-password-1", Role.ADMIN);
        admin = new FormClient(server.url()).signIn("alice", "alice-password-1");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        monitor.close();
        camera.close();
    }

    private static HttpResponse<String> test(String json) {
        admin.get("/streams/new");
        return admin.json("POST", "/streams/test", json);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void testNow_aCameraThatAnswers_isUpWithWhatTheMonitorFound() throws Exception {
        HttpResponse<String> response = test("{\"url\":\"rtsp://127.0.0.1:" + camera.getLocalPort()
                + "/live\",\"check\":\"protocol\",\"tls_verify\":\"on\"}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = json(response);
        assertEquals("UP", result.get("state").asText());
        assertEquals("1280", result.get("details").get("width").asText());
        assertTrue(result.get("latency_ms").isNumber(), response.body());
    }

    @Test
    void testNow_nothingListening_isTheMonitorsDownResult() throws Exception {
        JsonNode result = json(test("{\"url\":\"rtsp://127.0.0.1:" + FreePorts.next() + "/live\"}"));

        assertEquals("DOWN", result.get("state").asText());
        assertEquals("connection refused", result.get("message").asText());
        assertEquals("RTSP", result.get("kind").asText());
    }

    @Test
    void testNow_aBlankPassword_usesTheStoredOne_whichNeverReachesTheBrowser() throws Exception {
        HttpResponse<String> response = test("{\"stream_id\":\"front\",\"url\":\"rtsp://127.0.0.1:"
                + camera.getLocalPort() + "/other\",\"username\":\"admin\",\"password\":\"\"}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("door-secret-1", monitor.lastCheck().get("password").asText());
        assertEquals("admin", monitor.lastCheck().get("username").asText());
        assertFalse(response.body().contains("door-secret-1"));
    }

    @Test
    void testNow_theStoredPasswordIsNotSentToAnotherHost_andABadUrlIsMarked() throws Exception {
        HttpResponse<String> moved = test("{\"stream_id\":\"front\",\"url\":\"rtsp://203.0.113.9/x\"}");
        assertEquals(400, moved.statusCode());
        assertTrue(json(moved).get("errors").get("password").asText().contains("type the password again"));

        HttpResponse<String> bad = test("{\"url\":\"ftp://10.0.0.1/cam\"}");
        assertEquals(400, bad.statusCode());
        assertEquals("The address must start with rtsp://, rtsps://, http:// or https://.",
                json(bad).get("errors").get("url").asText());
    }

    @Test
    void streamPage_showsTheStatusAndTheStateChangesFromTheMonitor() {
        String page = admin.get("/streams/front").body();

        assertTrue(page.contains("id=\"stream-message\">RTSP 200, H264 Main 1280x720</dd>"), page);
        assertTrue(page.contains("<td>connection refused</td>"), page);
        assertTrue(page.contains("data-preview-token=\""), page);
        assertTrue(page.contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"), page);
    }

    @Test
    void streamPage_ofAStreamTheMonitorDoesNotKnowYet_saysSo() {
        monitor.forget("gate");
        try {
            String page = admin.get("/streams/gate").body();
            assertTrue(page.contains("The monitor has not checked this stream yet"), page);
        } finally {
            monitor.remember("gate");
        }
    }

    @Test
    void chartPoints_comeFromTheAggregatesOfTheWindow() throws Exception {
        JsonNode week = json(admin.json("GET", "/streams/front/history.json?range=7d", null));
        assertEquals("hour", week.get("resolution").asText());
        assertEquals(168, week.get("points").size(), 1);

        HttpResponse<String> wrong = admin.json("GET", "/streams/front/history.json?range=1y", null);
        assertEquals(400, wrong.statusCode());
        assertEquals("range must be 24h, 7d or 30d", json(wrong).get("error").asText());
    }

    @Test
    void csv_isStreamedRowByRow_acrossTheMonitorsPages_withEscapedNames() throws Exception {
        HttpResponse<String> response = admin.get("/streams/gate/history.csv?range=24h&resolution=raw");

        assertEquals(200, response.statusCode());
        assertEquals("chunked", response.headers().firstValue("Transfer-Encoding").orElse(""), "streamed");
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        try (BufferedReader lines = new BufferedReader(new StringReader(response.body()))) {
            assertEquals(HistoryCsv.HEADER.strip(), lines.readLine());
            long rows = 0;
            long last = Long.MIN_VALUE;
            String line;
            while ((line = lines.readLine()) != null) {
                assertTrue(line.startsWith("\"Gate \"\"north\"\", main\","), line);
                long ts = Long.parseLong(line.split(",")[3]);
                assertTrue(ts > last, "rows in time order, none twice: " + line);
                last = ts;
                rows++;
            }
            assertEquals(24 * 720, rows, "a raw day at 5 s, more than the monitor's 10,000 points per reply");
        }
    }

    @Test
    void preview_givesThePicture_withinTheCap_andSaysWhenTooManyAreOpen() throws Exception {
        HttpResponse<String> first = admin.get("/streams/front/preview.jpg?p=aaaaaaaaaaaaaaaaaaaa");
        assertEquals(200, first.statusCode());
        assertEquals("image/jpeg", first.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> second = admin.json("GET", "/streams/gate/preview.jpg?p=bbbbbbbbbbbbbbbbbbbb", null);
        assertEquals(429, second.statusCode());
        assertTrue(json(second).get("error").asText().startsWith("Too many previews are open (at most 1"),
                second.body());

        assertEquals(204, admin.json("POST", "/streams/front/preview/release", "{\"p\":\"aaaaaaaaaaaaaaaaaaaa\"}")
                .statusCode());
        assertEquals(200, admin.json("GET", "/streams/gate/preview.jpg?p=bbbbbbbbbbbbbbbbbbbb", null).statusCode());
        admin.json("POST", "/streams/gate/preview/release", "{\"p\":\"bbbbbbbbbbbbbbbbbbbb\"}");
    }

    @Test
    void aMonitorThatIsDown_givesAClearMessage_notAStackTrace() throws Exception {
        try (WebguiServer lonely = WebguiServer.start(dir.resolve("lonely"), CONFIG.formatted(camera.getLocalPort()),
                Map.of("streampulse.monitor.url", "http://127.0.0.1:" + FreePorts.next()))) {
            lonely.addUser("alice", "alice-password-1", Role.ADMIN);
            FormClient client = new FormClient(lonely.url()).signIn("alice", "alice-password-1");
            client.get("/streams/new");

            HttpResponse<String> test = client.json("POST", "/streams/test", "{\"url\":\"rtsp://10.0.0.1/x\"}");
            assertEquals(502, test.statusCode());
            assertTrue(json(test).get("error").asText().matches(
                    "The monitor is not answering at http://127\\.0\\.0\\.1:\\d+ \\(connection refused\\)\\. Is it running\\?"),
                    test.body());
            String page = client.get("/streams/front").body();
            assertTrue(page.contains("id=\"monitor-problem\"") && page.contains("The monitor is not answering"), page);
            assertFalse(page.contains("Exception"), page);
        }
    }
}
