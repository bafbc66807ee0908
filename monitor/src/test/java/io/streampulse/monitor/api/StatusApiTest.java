package io.streampulse.monitor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.monitor.live.StatusBoard;
import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.schedule.CheckOutcome;
import io.streampulse.monitor.schedule.StreamPlan;
import io.streampulse.monitor.state.StateTracker;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.streampulse.monitor.TestPlans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/status and /api/events on a real server, fed through the status board as the scheduler feeds it. */
class StatusApiTest {

    @TempDir
    Path dir;
    EmbeddedServer server;
    StatusBoard board;
    final HttpClient http = HttpClient.newHttpClient();
    final StateTracker tracker = new StateTracker(0);

    @BeforeEach
    void start() {
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("timezone: Asia/Kolkata\n");
        Map<String, Object> properties = new HashMap<>(suite.properties());
        properties.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        board = server.getApplicationContext().getBean(StatusBoard.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }


    private void check(StreamPlan plan, ProbeResult result, long ts) {
        board.record(new CheckOutcome(plan, result, tracker.record(plan.streamId(), result, ts), 0));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.getPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void status_hasStreamPulsesShapeKeyedAndSortedByName() throws Exception {
        StreamPlan door = plan("door", "Front door");
        StreamPlan back = plan("back", "Back yard");
        board.track(List.of(door, back));
        check(door, ProbeResult.up(42, "RTSP 200, H264 Main 1920x1080", ProbeResult.CheckKind.RTSP, Map.of()),
                1_700_000_000_000L);

        JsonNode status = get("/api/status");

        assertEquals(List.of("Back yard", "Front door"), iterate(status.fieldNames()));
        JsonNode front = status.get("Front door");
        assertEquals("2023-11-15T03:43:20+05:30", front.get("ts").asText(), "ISO-8601 in the configured zone");
        assertEquals("ok", front.get("status").asText());
        assertEquals(42, front.get("latency").asInt());
        assertEquals("RTSP 200, H264 Main 1920x1080", front.get("message").asText());
        assertEquals("UP", front.get("state").asText());
        JsonNode unknown = status.get("Back yard");
        assertEquals("", unknown.get("ts").asText());
        assertEquals("", unknown.get("status").asText());
        assertTrue(unknown.get("latency").isNull());
        assertEquals("no data yet", unknown.get("message").asText());
    }

    @Test
    void status_degradedStream_isFailForOldReaders() throws Exception {
        StreamPlan cam = plan("cam", "Cam");
        board.track(List.of(cam));

        check(cam, ProbeResult.degraded(8, "RTSP 401 Unauthorized: wrong or missing credentials",
                ProbeResult.CheckKind.RTSP, Map.of()), 1_000);

        JsonNode entry = get("/api/status").get("Cam");
        assertEquals("fail", entry.get("status").asText(), "StreamPulse called a 401 ok; it is not watchable");
        assertEquals("DEGRADED", entry.get("state").asText());
    }

    @Test
    void events_stateChangeReachesASubscriberWithinOneSecond() throws Exception {
        StreamPlan cam = plan("cam", "Cam");
        board.track(List.of(cam));
        check(cam, ProbeResult.up(5, "ok", ProbeResult.CheckKind.RTSP, Map.of()), 1_000);
        HttpResponse<Stream<String>> response = http.sendAsync(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.getPort() + "/api/events")).build(),
                HttpResponse.BodyHandlers.ofLines()).get(5, TimeUnit.SECONDS);
        assertEquals("text/event-stream", response.headers().firstValue("content-type").orElse(""));
        CompletableFuture<String> stateEvent = CompletableFuture.supplyAsync(() -> {
            var lines = response.body().iterator();
            boolean inState = false;
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.equals("event: state")) {
                    inState = true;
                } else if (inState && line.startsWith("data:")) {
                    return line.substring(5).strip();
                }
            }
            return null;
        });

        long sent = System.nanoTime();
        check(cam, ProbeResult.down(5000, "timeout after 5000 ms", ProbeResult.CheckKind.RTSP), 2_000);

        JsonNode event = new ObjectMapper().readTree(Objects.requireNonNull(stateEvent.get(1, TimeUnit.SECONDS)));
        long ms = (System.nanoTime() - sent) / 1_000_000;
        assertEquals("DOWN", event.get("state").asText(), "after " + ms + " ms");
        assertEquals("cam", event.get("id").asText());
        assertEquals("timeout after 5000 ms", event.get("message").asText());
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
