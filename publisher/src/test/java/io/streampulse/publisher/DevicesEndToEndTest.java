package io.streampulse.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.streampulse.testkit.FakeBridgeFeed;
import io.streampulse.publisher.support.FakeMonitor;
import io.streampulse.publisher.support.MqttRecorder;
import io.streampulse.publisher.support.PublisherProcess;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.HealthClient;
import io.streampulse.testkit.MosquittoExtension;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.streampulse.publisher.support.Json.tree;
import static io.streampulse.testkit.FakeBridgeFeed.doorJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publisher process between a fake bridge speaking the real /api/devices and /api/devices/events formats and
 * a real mosquitto: YoLink device states and their Home Assistant discovery. Topics are unique per test.
 */
class DevicesEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String DOOR = "d88b4c0100000001";
    static final String SIDE_DOOR = "d88b4c0100000002";
    static final String LAST_SEEN = "2026-11-27T09:01:00Z";

    @RegisterExtension
    static final MosquittoExtension broker = MosquittoExtension.plain();

    @TempDir
    Path dir;
    FakeBridgeFeed bridge;
    FakeMonitor monitor;
    EmbeddedServer server;
    MqttRecorder recorder;
    HealthClient health;
    // JUnit makes an instance per test: unique topics per test, since the broker's retained messages outlive it
    final String base = "sp-" + UUID.randomUUID();
    final String prefix = "ha-" + UUID.randomUUID();

    @BeforeEach
    void start() throws Exception {
        bridge = new FakeBridgeFeed();
        bridge.change(DOOR, doorJson(DOOR, "Back door", "closed", 75, 1_795_770_000_000L));
        bridge.change(SIDE_DOOR, doorJson(SIDE_DOOR, "Side door", "closed", 100, 1_795_770_000_000L));
        monitor = new FakeMonitor();
        recorder = new MqttRecorder(broker.host(), broker.tcpPort(), null, null);
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("streams: []\nyolink:\n  uaid: ua-test\n  secret_key: sk-test\nmqtt:\n  enabled: true\n"
                + "  host: 127.0.0.1\n  port: " + broker.tcpPort() + "\n  topic: " + base + "/snapshot\n"
                + "  base_topic: " + base + "\n  qos: 1\n  discovery:\n    prefix: " + prefix + "\n");
        server = PublisherProcess.start(suite, monitor.url(), Map.of("streampulse.bridge.url", bridge.url().toString()));
        health = HealthClient.of(server.getPort());
    }

    @AfterEach
    void stop() {
        server.close();
        recorder.close();
        monitor.close();
        bridge.close();
    }

    private String stateTopic(String id) {
        return base + "/devices/" + id + "/state";
    }

    private String doorConfigTopic(String id) {
        return prefix + "/binary_sensor/" + base + "_" + id + "_door/config";
    }


    private void awaitFollowing() {
        Eventually.await(WAIT, "the publisher following the bridge", () -> bridge.subscribers() > 0);
    }

    @Test
    void doorChange_reachesItsStateTopicWithinOneSecond_withEveryField() {
        recorder.awaitLatest(stateTopic(DOOR), WAIT, p -> tree(p).path("state").asText().equals("closed"));
        awaitFollowing();

        long changed = System.nanoTime();
        bridge.change(DOOR, doorJson(DOOR, "Back door", "open", 50, 1_795_770_060_000L));
        MqttRecorder.Received open = recorder.awaitAfter(stateTopic(DOOR), changed, WAIT,
                p -> tree(p).path("state").asText().equals("open"));

        long ms = (open.atNanos() - changed) / 1_000_000;
        assertTrue(ms < 1_000, "change reached the subscriber after " + ms + " ms");
        JsonNode state = tree(open.payload());
        assertTrue(state.get("alarm").asBoolean());
        assertEquals("open", state.get("alarms").get(0).asText());
        assertEquals(50, state.get("battery").asInt());
        assertEquals(-77, state.get("signal").asInt());
        assertTrue(state.get("temperature").isNull() && state.get("humidity").isNull());
        assertEquals(LAST_SEEN, state.get("last_seen").asText());
        try (MqttRecorder late = new MqttRecorder(broker.host(), broker.tcpPort(), null, null)) {
            late.awaitLatest(stateTopic(DOOR), WAIT, p -> tree(p).path("state").asText().equals("open"));
        }
    }

    @Test
    void discovery_doorIsABinarySensorWithAvailability_andBatteryAndSignalSensors() {
        JsonNode config = tree(recorder.awaitLatest(doorConfigTopic(DOOR), WAIT, p -> !p.isEmpty()));

        assertEquals("door", config.get("device_class").asText());
        assertEquals(stateTopic(DOOR), config.get("state_topic").asText());
        assertEquals(base + "/status", config.get("availability_topic").asText());
        recorder.awaitLatest(prefix + "/sensor/" + base + "_" + DOOR + "_battery/config", WAIT, p -> !p.isEmpty());
        recorder.awaitLatest(prefix + "/sensor/" + base + "_" + DOOR + "_signal/config", WAIT, p -> !p.isEmpty());
        assertTrue(health.health().path("components").path("bridge_events").path("details").path("connected")
                .asBoolean(), "bridge_events connected on /health");
    }

    @Test
    void bridgeDownThenUp_reconnects_publishesTheChange_andClearsARemovedDevice() throws Exception {
        recorder.awaitLatest(doorConfigTopic(SIDE_DOOR), WAIT, p -> !p.isEmpty());
        awaitFollowing();

        bridge.stop();
        Eventually.await(WAIT, "/health reporting the bridge down", () -> health.health().path("components")
                .path("bridge_events").path("details").path("error").asText().contains("is the bridge running?"));
        bridge.remove(SIDE_DOOR);
        bridge.change(DOOR, doorJson(DOOR, "Back door", "open", 75, 1_795_770_120_000L));
        bridge.start();

        recorder.awaitLatest(stateTopic(DOOR), WAIT, p -> tree(p).path("state").asText().equals("open"));
        recorder.awaitLatest(doorConfigTopic(SIDE_DOOR), WAIT, String::isEmpty);
        recorder.awaitLatest(stateTopic(SIDE_DOOR), WAIT, String::isEmpty);
        Eventually.await(WAIT, "/health: bridge feed connected again", () -> health.health().path("components")
                .path("bridge_events").path("details").path("connected").asBoolean());
    }
}
