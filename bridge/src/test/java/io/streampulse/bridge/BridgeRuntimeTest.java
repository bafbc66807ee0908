package io.streampulse.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.support.BridgeProcess;
import io.streampulse.bridge.support.Devices;
import io.streampulse.bridge.support.RecordingReceiver;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bridge application (Micronaut, its config.yaml, real Redis, outbox file) with recording receivers. */
class BridgeRuntimeTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;
    TempSuite suite;
    BridgeProcess bridge;

    @BeforeEach
    void writeConfig() {
        suite = TempSuite.create(dir);
        suite.writeConfig(config(""));
    }

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
    }

    private String config(String moreDevices) {
        return "redis:\n  url: " + redis.url() + "\nreceivers:\n  chekt:\n    enabled: true\n"
                + "devices:\n  door1:\n    name: Front door\n    chekt_zone: 3\n    door_prop_seconds: 2\n"
                + "    receivers: [chekt]\n" + moreDevices;
    }

    @Test
    void apiDevices_snakeCaseStates_oneById_unknownIs404Json() {
        bridge = new BridgeProcess(suite, new RecordingReceiver("chekt"));
        // door2 has no mapping, so no door-prop timer changes it between the two reads
        bridge.runtime().accept(Devices.door("door2", true, System.currentTimeMillis()));
        JsonNode all = bridge.json("/api/devices");
        assertEquals(1, all.size());
        JsonNode door = all.get(0);
        for (String field : List.of("device_id", "name", "type", "kind", "state", "active", "battery_percent",
                "signal_dbm", "last_seen_millis", "online", "attributes")) {
            assertTrue(door.has(field), field + " missing in " + door);
        }
        assertEquals("DOOR", door.get("kind").asText());
        assertEquals("OPEN", door.get("active").get(0).asText());
        assertEquals(door, bridge.json("/api/devices/door2"));
        var missing = bridge.get("/api/devices/nope");
        assertEquals(404, missing.statusCode());
        assertEquals("no device with id 'nope'", bridge.json("/api/devices/nope").get("message").asText());
        assertEquals(400, bridge.get("/api/deliveries?status=lost").statusCode());
    }

    @Test
    void doorHeldOpen_propAlarmAfterTimeout_deadlineSurvivesARestart_restoreOnClose() {
        RecordingReceiver before = new RecordingReceiver("chekt");
        bridge = new BridgeProcess(suite, before);
        long openedAt = System.currentTimeMillis();
        bridge.runtime().accept(Devices.door("door1", true, openedAt));
        Eventually.await(WAIT, "the open alarm", () -> before.delivered().size() == 1);
        bridge.close();

        RecordingReceiver after = new RecordingReceiver("chekt");
        bridge = new BridgeProcess(suite, after);
        long due = Math.max(openedAt + 2_000, System.currentTimeMillis());
        RecordingReceiver.Attempt prop = Eventually.await(WAIT, "the door-prop alarm", () -> after.attempts().stream()
                .filter(a -> a.event().cause() == AlertCause.DOOR_PROP).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        assertTrue(prop.atMillis() >= openedAt + 2_000, "door-prop fired before its deadline");
        long late = prop.atMillis() - due;
        assertTrue(late < 1_000, "door-prop fired " + late + " ms after its deadline (or the restart, if later)");
        bridge.runtime().accept(Devices.door("door1", false, System.currentTimeMillis()));
        Eventually.await(WAIT, "both restores", () -> after.delivered().size() == 3);
        assertEquals(List.of("DOOR_PROP alarm", "OPEN restore", "DOOR_PROP restore"), after.delivered().stream()
                .map(e -> e.cause() + (e.restore() ? " restore" : " alarm")).toList());
    }

    @Test
    void receiverDown_deliveryStaysInTheOutbox_acrossARestart_deliveredWhenItAnswers() {
        RecordingReceiver down = new RecordingReceiver("chekt");
        down.failing(true);
        bridge = new BridgeProcess(suite, down);
        bridge.runtime().accept(Devices.door("door1", true, System.currentTimeMillis()));
        Eventually.await(WAIT, "a refused attempt", () -> !down.attempts().isEmpty());
        Eventually.await(WAIT, "listed as failed", () -> bridge.json("/api/deliveries?status=failed&device=door1"),
                j -> j.size() == 1 && j.get(0).get("answer").asText().equals("refused: down"));
        JsonNode health = bridge.json("/health").get("components").get("dispatcher");
        assertEquals("DEGRADED", health.get("status").asText());
        assertEquals(1, health.get("details").get("pending").asInt());
        bridge.close();

        RecordingReceiver up = new RecordingReceiver("chekt");
        bridge = new BridgeProcess(suite, up);
        // the door is still open: on a slow machine its 2 s door-prop alarm comes after the resumed one
        Eventually.await(WAIT, "delivered after the restart", () -> !up.delivered().isEmpty());
        assertEquals(down.attempts().get(0).event(), up.delivered().get(0));
        Eventually.await(WAIT, "in the log as delivered", () -> bridge.json("/api/deliveries?status=delivered"),
                j -> java.util.stream.StreamSupport.stream(j.spliterator(), false)
                        .filter(e -> e.get("event").get("cause").asText().equals("OPEN")).count() == 1);
        assertEquals("UP", bridge.json("/health").get("components").get("redis").get("status").asText());
    }

    @Test
    void sse_snapshotOnConnect_deviceAndAlertWithinOneSecondOfAccept() throws Exception {
        RecordingReceiver chekt = new RecordingReceiver("chekt");
        bridge = new BridgeProcess(suite, chekt);
        bridge.runtime().accept(Devices.leak("leak7", false, System.currentTimeMillis()));
        try (SseRecorder sse = new SseRecorder(bridge.uri("/api/devices/events"))) {
            sse.await(WAIT, "snapshot", d -> d.contains("\"device_id\":\"leak7\""));
            long start = System.nanoTime();
            bridge.runtime().accept(Devices.door("door1", true, System.currentTimeMillis()));
            sse.await(Duration.ofSeconds(1), "device", d -> d.contains("\"device_id\":\"door1\""));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1_000, "device event after " + millis + " ms");
            String alert = sse.await(Duration.ofSeconds(1), "alert", d -> d.contains("\"cause\":\"OPEN\""));
            assertTrue(alert.contains("\"device_id\":\"door1\"") && alert.contains("\"restore\":false"), alert);
        }
    }

    @Test
    void configReload_newDeviceMapping_appliesWithoutRestart() {
        RecordingReceiver chekt = new RecordingReceiver("chekt");
        bridge = new BridgeProcess(suite, chekt);
        bridge.runtime().accept(Devices.leak("leak9", true, System.currentTimeMillis()));
        suite.writeConfig(config("  leak9:\n    chekt_zone: 9\n    receivers: [chekt]\n"));
        Eventually.await(WAIT, "new mapping in force",
                () -> bridge.runtime().dispatcher().mapping("leak9").isPresent());
        bridge.runtime().accept(Devices.leak("leak9", false, System.currentTimeMillis()));
        Eventually.await(WAIT, "the restore delivered", () -> chekt.delivered().size() == 1);
        AlertEvent restore = chekt.delivered().get(0);
        assertEquals(List.of("leak9", AlertCause.LEAK, true), List.of(restore.deviceId(), restore.cause(),
                restore.restore()));
    }
}
