package io.streampulse.bridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.streampulse.bridge.SseRecorder;
import io.streampulse.bridge.support.BridgeProcess;
import io.streampulse.bridge.support.Devices;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.RedisExtension;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static io.streampulse.bridge.api.ReceiversApiTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A device's recent events from the Redis stream, /api/events, and the device refresh without YoLink. */
class DevicesApiTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;
    BridgeProcess bridge;

    @BeforeEach
    void start() {
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("redis: {url: '" + redis.url() + "'}\n");
        bridge = new BridgeProcess(suite);
    }

    @AfterEach
    void stop() {
        bridge.close();
    }

    @Test
    void deviceEvents_newestFirst_onlyThatDevice_bounded() {
        long now = System.currentTimeMillis();
        bridge.runtime().accept(Devices.door("door1", true, now));
        bridge.runtime().accept(Devices.door("door2", true, now + 1));
        bridge.runtime().accept(Devices.door("door1", false, now + 2));
        // per edge: one "device" entry and one "alert" entry, written to Redis in the background
        JsonNode events = Eventually.await(WAIT, "door1's four events in Redis",
                () -> bridge.json("/api/devices/door1/events"), e -> e.size() == 4);
        events.forEach(e -> assertEquals("door1", e.get("device_id").asText(), e.toString()));
        assertEquals("alert", events.get(0).get("type").asText());
        assertEquals("true", events.get(0).get("restore").asText(), "the close is newest");
        assertEquals("closed", events.get(1).get("state").asText());
        assertEquals("open", events.get(3).get("state").asText(), "the open is oldest");
        assertEquals(1, bridge.json("/api/devices/door1/events?limit=1").size());
        assertError(404, "no device with id 'nope'", bridge.get("/api/devices/nope/events"));
        assertError(400, "'limit' must be 1..500", bridge.get("/api/devices/door1/events?limit=0"));
    }

    @Test
    void apiEvents_isTheDeviceFeed_snapshotThenLiveEvents() {
        bridge.runtime().accept(Devices.door("door1", false, System.currentTimeMillis()));
        try (SseRecorder events = new SseRecorder(bridge.uri("/api/events"))) {
            events.await(WAIT, "snapshot", data -> data.contains("\"door1\""));
            bridge.runtime().accept(Devices.door("door1", true, System.currentTimeMillis()));
            events.await(WAIT, "device", data -> data.contains("\"open\""));
            events.await(WAIT, "alert", data -> data.contains("\"OPEN\""));
        }
    }

    @Test
    void apiDevicesEvents_startsWithReady_soAFollowerIsAnsweredEvenWithNoDevices() {
        int devices = bridge.json("/api/devices").size();
        try (SseRecorder events = new SseRecorder(bridge.uri("/api/devices/events"))) {
            events.await(WAIT, "ready", data -> data.equals("{\"devices\":" + devices + "}"));
        }
    }

    @Test
    void refresh_withoutYoLink_is503WithTheReason() {
        assertError(503, "device list not refreshed: YoLink is not configured",
                bridge.post("/api/devices/refresh", ""));
    }
}
