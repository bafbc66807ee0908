package io.streampulse.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.micronaut.runtime.server.EmbeddedServer;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.streampulse.publisher.support.Json.tree;
import static io.streampulse.publisher.support.FakeMonitor.streamJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publisher process (Micronaut, its config.yaml) between a fake monitor speaking the real /api/events and
 * /api/status formats and a real mosquitto with a password file. Topics are unique per test, since the broker
 * and its retained messages outlive each test.
 */
class PublisherEndToEndTest {

    static final String USER = "publisher";
    static final String PASSWORD = "s3cret";
    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final MosquittoExtension broker = MosquittoExtension.withOptions(
            b -> b.withPasswordFile(Map.of(USER, PASSWORD)));

    @TempDir
    Path dir;
    FakeMonitor monitor;
    TempSuite suite;
    EmbeddedServer server;
    MqttRecorder recorder;
    HealthClient health;
    String base;
    String prefix;

    @BeforeEach
    void start() throws Exception {
        base = "sp-" + UUID.randomUUID();
        prefix = "ha-" + UUID.randomUUID();
        monitor = new FakeMonitor();
        monitor.change("front", streamJson("front", "Front door", "UP", 1_000, 42, "RTSP 200"));
        monitor.change("back", streamJson("back", "Back yard", "UP", 1_000, 7, "RTSP 200"));
        monitor.statusBody("{\"Back yard\":{\"ts\":\"2026-11-27T10:00:00+01:00\",\"status\":\"ok\",\"latency\":7,"
                + "\"message\":\"RTSP 200\",\"id\":\"back\",\"state\":\"UP\",\"since\":\"2026-11-27T10:00:00+01:00\","
                + "\"uptime_24h\":0.995,\"thumbnail\":null}}");
        recorder = new MqttRecorder(broker.host(), broker.tcpPort(), USER, PASSWORD);
        suite = TempSuite.create(dir);
        suite.writeConfig(config(PASSWORD, true, List.of("front", "back")));
        server = PublisherProcess.start(suite, monitor.url(), Map.of());
        health = HealthClient.of(server.getPort());
    }

    @AfterEach
    void stop() {
        server.close();
        recorder.close();
        monitor.close();
    }

    private String config(String password, boolean enabled, List<String> streams) {
        StringBuilder yaml = new StringBuilder("streams:\n");
        for (String id : streams) {
            yaml.append("  - name: ").append(id.equals("front") ? "Front door" : "Back yard").append('\n')
                    .append("    id: ").append(id).append('\n')
                    .append("    url: rtsp://127.0.0.1:1/").append(id).append('\n');
        }
        return yaml + "mqtt:\n  enabled: " + enabled + "\n  host: 127.0.0.1\n  port: " + broker.tcpPort()
                + "\n  username: " + USER + "\n  password: " + password + "\n  topic: " + base + "/snapshot"
                + "\n  base_topic: " + base + "\n  qos: 1\n  interval_seconds: 5\n  discovery:\n    prefix: " + prefix
                + "\n";
    }

    private String stateTopic(String id) {
        return base + "/streams/" + id + "/state";
    }


    private JsonNode mqttHealth() {
        return health.health().path("components").path("mqtt");
    }

    @Test
    void stateChange_reachesASubscriberWithinOneSecond() {
        recorder.awaitLatest(stateTopic("front"), WAIT, p -> tree(p).path("state").asText().equals("UP"));
        Eventually.await(WAIT, "the publisher following the monitor", () -> monitor.subscribers() > 0);

        long changed = System.nanoTime();
        monitor.change("front", streamJson("front", "Front door", "DOWN", 2_000, 5_000, "timeout after 5000 ms"));
        MqttRecorder.Received down = recorder.awaitAfter(stateTopic("front"), changed, WAIT,
                p -> tree(p).path("state").asText().equals("DOWN"));

        long ms = (down.atNanos() - changed) / 1_000_000;
        assertTrue(ms < 1_000, "change reached the subscriber after " + ms + " ms");
        JsonNode state = tree(down.payload());
        assertEquals(false, state.get("up").asBoolean());
        assertEquals(5_000, state.get("latency").asInt());
        assertEquals("timeout after 5000 ms", state.get("message").asText());
        assertEquals("1970-01-01T00:00:02Z", state.get("since").asText());
        try (MqttRecorder late = new MqttRecorder(broker.host(), broker.tcpPort(), USER, PASSWORD)) {
            late.awaitLatest(stateTopic("front"), WAIT, p -> tree(p).path("state").asText().equals("DOWN"));
        }
    }

    @Test
    void snapshot_isTheMonitorsApiStatusBody_andOnlineIsAnnounced() {
        String snapshot = recorder.awaitLatest(base + "/snapshot", WAIT, p -> true);

        assertEquals(tree(monitor.statusBodyNow()), tree(snapshot));
        recorder.awaitLatest(stateTopic("back"), WAIT, p -> tree(p).path("uptime_24h").asDouble() == 0.995);
        assertEquals("online", recorder.awaitLatest(base + "/status", WAIT, p -> true));
        String metrics = health.metrics();
        for (String name : List.of("streampulse_publisher_connected 1.0", "streampulse_publisher_queue_depth",
                "streampulse_publisher_publish_errors_total", "streampulse_publisher_last_publish_timestamp_seconds")) {
            assertTrue(metrics.contains(name), name + " in /metrics");
        }
    }

    @Test
    void discovery_announcesEachStream_removesADeletedOne_andReannouncesWhenHomeAssistantComesOnline() {
        String frontConnectivity = prefix + "/binary_sensor/" + base + "_front_connectivity/config";
        String backLatency = prefix + "/sensor/" + base + "_back_latency/config";
        JsonNode config = tree(recorder.awaitLatest(frontConnectivity, WAIT, p -> !p.isEmpty()));
        assertEquals(stateTopic("front"), config.get("state_topic").asText());
        assertEquals(base + "/status", config.get("availability_topic").asText());
        recorder.awaitLatest(backLatency, WAIT, p -> !p.isEmpty());
        recorder.awaitLatest(stateTopic("back"), WAIT, p -> !p.isEmpty());

        suite.writeConfig(config(PASSWORD, true, List.of("front")));
        recorder.awaitLatest(backLatency, WAIT, String::isEmpty);
        recorder.awaitLatest(stateTopic("back"), WAIT, String::isEmpty);

        long birth = System.nanoTime();
        Mqtt5BlockingClient homeAssistant = Mqtt5Client.builder().serverHost(broker.host())
                .serverPort(broker.tcpPort()).simpleAuth().username(USER)
                .password(PASSWORD.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
        homeAssistant.connect();
        homeAssistant.publishWith().topic(prefix + "/status").payload("online".getBytes(StandardCharsets.UTF_8))
                .send();
        homeAssistant.disconnect();
        recorder.awaitAfter(frontConnectivity, birth, WAIT, p -> !p.isEmpty());
    }

    @Test
    void brokerRestart_noCrash_latestStatesRepublishedAfterReconnect() {
        recorder.awaitLatest(stateTopic("front"), WAIT, p -> tree(p).path("state").asText().equals("UP"));
        Eventually.await(WAIT, "the publisher following the monitor", () -> monitor.subscribers() > 0);

        broker.peer().stop();
        Eventually.await(WAIT, "/health reporting the broker down", () -> mqttHealth().path("status").asText()
                .equals("DEGRADED") && mqttHealth().path("details").path("error").asText().startsWith("cannot reach"));
        monitor.change("front", streamJson("front", "Front door", "DOWN", 3_000, 5_000, "timeout after 5000 ms"));
        Eventually.await(WAIT, "the change waiting in the queue",
                () -> mqttHealth().path("details").path("queue_depth").asInt() >= 1);
        broker.peer().restart();

        // mosquitto kept no retained messages over the restart: whatever arrives now was published again
        recorder.awaitLatest(stateTopic("front"), Duration.ofSeconds(20),
                p -> tree(p).path("state").asText().equals("DOWN"));
        recorder.awaitLatest(stateTopic("back"), WAIT, p -> tree(p).path("state").asText().equals("UP"));
        recorder.awaitLatest(base + "/status", WAIT, "online"::equals);
        Eventually.await(WAIT, "/health UP again", () -> mqttHealth().path("status").asText().equals("UP"));
    }

    @Test
    void reload_ofTopicAndQosOnly_keepsTheConnection() {
        recorder.awaitLatest(base + "/status", WAIT, "online"::equals);
        String since = mqttHealth().path("details").path("since").asText();

        suite.writeConfig(config(PASSWORD, true, List.of("front", "back")).replace(base + "/snapshot",
                base + "/snapshot2").replace("qos: 1", "qos: 0"));

        recorder.awaitLatest(base + "/snapshot2", WAIT, p -> true);
        assertEquals(since, mqttHealth().path("details").path("since").asText(), "no reconnect");
    }

    @Test
    void wrongPassword_isAClearErrorOnHealth() {
        suite.writeConfig(config("wrong", true, List.of("front")));

        JsonNode mqtt = Eventually.await(WAIT, "the refused login on /health", this::mqttHealth,
                m -> m.path("details").path("error").asText().startsWith("not authorized"));

        assertEquals("DEGRADED", mqtt.path("status").asText());
        assertEquals("RETRYING", mqtt.path("details").path("state").asText());
        assertEquals("DEGRADED", health.health().path("status").asText());
    }

    @Test
    void disabling_disconnectsCleanly_sayingOffline() {
        recorder.awaitLatest(base + "/status", WAIT, "online"::equals);

        suite.writeConfig(config(PASSWORD, false, List.of("front", "back")));

        recorder.awaitLatest(base + "/status", WAIT, "offline"::equals);
        Eventually.await(WAIT, "/health showing MQTT disabled",
                () -> mqttHealth().path("details").path("state").asText().equals("DISABLED"));
        assertEquals("UP", mqttHealth().path("status").asText(), "disabled is not a fault");
    }
}
