package io.streampulse.monitor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.monitor.history.HistoryWrites;
import io.streampulse.monitor.live.StatusBoard;
import io.streampulse.monitor.live.StreamMetrics;
import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.frame.ThumbnailStore;
import io.streampulse.monitor.schedule.CheckOutcome;
import io.streampulse.monitor.schedule.StreamPlan;
import io.streampulse.monitor.sla.SlaBoard;
import io.streampulse.monitor.state.Heartbeat;
import io.streampulse.monitor.state.StreamState;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.streampulse.monitor.TestPlans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History, state changes, SLA, and the SLA figures in /api/status and /metrics, on a real server and database. */
class HistoryApiTest {

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;

    @TempDir
    Path dir;
    EmbeddedServer server;
    HistoryWrites writes;
    StatusBoard board;
    final HttpClient http = HttpClient.newHttpClient();
    /** A whole minute an hour ago: the test's "now", so windows ending here are exact. */
    final long now = (System.currentTimeMillis() / MINUTE) * MINUTE - HOUR;
    final StreamPlan door = plan("door", "Front door");
    final StreamPlan yard = plan("yard", "Back yard");

    @BeforeEach
    void start() {
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("streams: []\n");
        Map<String, Object> properties = new java.util.HashMap<>(suite.properties());
        properties.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        writes = server.getApplicationContext().getBean(HistoryWrites.class);
        board = server.getApplicationContext().getBean(StatusBoard.class);
        board.track(List.of(door, yard));
    }

    @AfterEach
    void stop() {
        server.close();
    }


    private static Heartbeat beat(String id, long ts, StreamState state, boolean important) {
        return new Heartbeat(id, ts, state, state == StreamState.UP ? 30L : null,
                state == StreamState.UP ? "RTSP 200" : "connection refused", ProbeResult.CheckKind.RTSP, important);
    }

    /** Door: up from now-20h, down from now-5h (a beat a minute over the last two hours); yard up from now-10h. */
    private void writeHistory() {
        List<Heartbeat> beats = new ArrayList<>();
        beats.add(beat("door", now - 20 * HOUR, StreamState.UP, true));
        beats.add(beat("door", now - 5 * HOUR, StreamState.DOWN, true));
        for (long ts = now - 2 * HOUR; ts < now; ts += MINUTE) {
            beats.add(beat("door", ts, StreamState.DOWN, false));
        }
        beats.add(beat("yard", now - 10 * HOUR, StreamState.UP, true));
        writes.append(beats);
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    private void assertError(String path, int status, String messagePart) throws Exception {
        HttpResponse<String> response = send(path);
        assertEquals(status, response.statusCode(), response.body());
        String message = new ObjectMapper().readTree(response.body()).get("message").asText();
        assertTrue(message.contains(messagePart), message);
    }

    @Test
    void history_givesChartPointsAtTheResolutionAsked() throws Exception {
        writeHistory();
        String window = "from=" + (now - 2 * HOUR) + "&to=" + now;

        JsonNode raw = get("/api/streams/door/history?" + window + "&resolution=raw");
        assertEquals(120, raw.get("points").size());
        assertEquals("raw", raw.get("resolution").asText());

        JsonNode auto = get("/api/streams/door/history?" + window);
        assertEquals("raw", auto.get("resolution").asText(), "two hours are drawn from the raw beats");

        JsonNode hours = get("/api/streams/door/history?from=" + (now - 24 * HOUR) + "&to=" + now
                + "&resolution=hour");
        int down = 0;
        for (JsonNode point : hours.get("points")) {
            down += point.get("down").asInt();
        }
        assertEquals(121, down, "every down beat counted once in the hourly aggregates");

        JsonNode iso = get("/api/streams/door/history?from=" + java.time.Instant.ofEpochMilli(now - HOUR)
                + "&to=" + java.time.Instant.ofEpochMilli(now) + "&resolution=minute");
        assertEquals(60, iso.get("points").size(), "ISO-8601 times work as well");
        assertEquals(0.0, iso.get("points").get(0).get("up_ratio").asDouble());
    }

    @Test
    void history_badParametersAndUnknownStreams_getClearJsonErrors() throws Exception {
        assertError("/api/streams/door/history?resolution=weekly", 400, "resolution 'weekly'");
        assertError("/api/streams/door/history?from=yesterday", 400, "from 'yesterday'");
        assertError("/api/streams/door/history?from=2000&to=1000", 400, "from must be before to");
        assertError("/api/streams/nope/history", 404, "no stream with id 'nope'");
        assertError("/api/sla?window=fortnight", 400, "window 'fortnight'");
        assertError("/api/sla?stream=nope", 404, "no stream with id 'nope'");
    }

    @Test
    void changes_listsStateChangesNewestFirst() throws Exception {
        writeHistory();
        JsonNode changes = get("/api/streams/door/changes?from=" + (now - 24 * HOUR) + "&to=" + now).get("changes");
        assertEquals(2, changes.size());
        assertEquals("DOWN", changes.get(0).get("state").asText());
        assertEquals("connection refused", changes.get(0).get("message").asText());
        assertEquals(now - 20 * HOUR, changes.get(1).get("ts_millis").asLong());
    }

    @Test
    void sla_isTimeWeightedPerStreamAndOverall() throws Exception {
        writeHistory();
        JsonNode report = get("/api/sla?window=" + (now - 24 * HOUR) + "," + now);
        JsonNode streams = report.get("streams");
        assertEquals("Back yard", streams.get(0).get("name").asText());
        assertEquals(1.0, streams.get(0).get("availability").asDouble(), 1e-12);
        assertEquals(10 * HOUR, streams.get(0).get("known_ms").asLong(), "time before it was seen is left out");
        assertEquals(0.75, streams.get(1).get("availability").asDouble(), 1e-12, "15 h up of 20 h known");
        assertEquals(5 * HOUR, streams.get(1).get("time_in_state_ms").get("DOWN").asLong());
        assertEquals(25.0 / 30, report.get("overall").asDouble(), 1e-12);

        JsonNode one = get("/api/sla?window=" + (now - 4 * HOUR) + "," + now + "&stream=door");
        assertEquals(1, one.get("streams").size());
        assertEquals(0.0, one.get("streams").get(0).get("availability").asDouble(), 1e-12);
    }

    @Test
    void statusAndMetrics_carryTheUptimeOfTheLast24HoursAndTheThumbnail() throws Exception {
        writeHistory();
        server.getApplicationContext().getBean(SlaBoard.class).refresh();
        CheckOutcome outcome = new CheckOutcome(door, ProbeResult.down(3, "connection refused",
                ProbeResult.CheckKind.RTSP), beat("door", System.currentTimeMillis(), StreamState.DOWN, false), 0);
        board.record(outcome);
        server.getApplicationContext().getBean(StreamMetrics.class).accept(outcome);
        server.getApplicationContext().getBean(ThumbnailStore.class).write("door",
                new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB));

        JsonNode status = get("/api/status");
        JsonNode doorStatus = status.get("Front door");
        double uptime = doorStatus.get("uptime_24h").asDouble();
        assertTrue(uptime > 0.70 && uptime < 0.76, "15 h up of the ~21 h known: " + uptime);
        assertEquals("/api/streams/door/thumbnail.jpg", doorStatus.get("thumbnail").asText());
        assertTrue(status.get("Back yard").get("thumbnail").isNull());
        assertEquals(200, send(doorStatus.get("thumbnail").asText()).statusCode());

        String metrics = send("/metrics").body();
        String line = metrics.lines().filter(l -> l.startsWith("stream_sla_ratio{") && l.contains("id=\"door\"")
                && l.contains("window=\"24h\"")).findFirst().orElseThrow(() -> new AssertionError(metrics));
        assertEquals(uptime, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), 1e-9);
    }
}
