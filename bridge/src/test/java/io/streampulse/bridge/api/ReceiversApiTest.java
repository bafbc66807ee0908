package io.streampulse.bridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.streampulse.bridge.chekt.FakeChektBridge;
import io.streampulse.bridge.modbus.RelayBoardSlave;
import io.streampulse.bridge.sia.FakeSiaReceiver;
import io.streampulse.bridge.support.BridgeProcess;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.RedisExtension;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/receivers and its test sends, against the fake CHEKT bridge, a j2mod relay board and a DC-09 receiver. */
class ReceiversApiTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;
    FakeChektBridge chekt;
    RelayBoardSlave board;
    FakeSiaReceiver sia;
    BridgeProcess bridge;

    @BeforeEach
    void start() throws Exception {
        chekt = new FakeChektBridge("tok");
        board = new RelayBoardSlave(1, 8);
        sia = new FakeSiaReceiver(null);
    }

    @AfterEach
    void stop() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        chekt.close();
        board.close();
        sia.close();
    }

    private void startBridge(boolean enabled) {
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig(String.join("\n",
                "redis: {url: '" + redis.url() + "'}",
                "receivers:",
                "  chekt: {enabled: " + enabled + ", url: '" + chekt.url() + "', api_token: tok}",
                "  modbus: {enabled: " + enabled + ", host: 127.0.0.1, port: " + board.port()
                        + ", unit_id: 1, channels: 8, mode: pulse, pulse_ms: 100}",
                "  sia: {enabled: " + enabled + ", host: 127.0.0.1, port: " + sia.tcpPort()
                        + ", transport: tcp, account: '1234'}",
                ""));
        bridge = new BridgeProcess(suite);
    }

    @Test
    void receivers_eachWithEnabledHealthAndQueued() {
        startBridge(true);
        JsonNode all = bridge.json("/api/receivers");
        assertEquals(List.of("chekt", "modbus", "sia"), names(all));
        for (JsonNode receiver : all) {
            assertTrue(receiver.get("enabled").asBoolean(), receiver.toString());
            assertEquals(0, receiver.get("queued").asInt(), receiver.toString());
            assertEquals("none yet", receiver.get("health").get("last_answer").asText(), receiver.toString());
        }
    }

    @Test
    void chektTest_postsToTheZone_andAnswersWithTheBridgesAnswer() {
        startBridge(true);
        JsonNode answer = ok(bridge.post("/api/receivers/chekt/test", "{\"zone\": 5}"));
        assertTrue(answer.get("acknowledged").asBoolean(), answer.toString());
        assertTrue(answer.get("answer").asText().startsWith("HTTP 200"), answer.toString());
        assertEquals("5", chekt.accepted().get(0).zone());
        assertEquals("HTTP 200", lastAnswer("chekt").substring(0, 8), "the test shows on the receiver's health");
    }

    @Test
    void modbusTest_pulsesTheChannelsCoil() {
        startBridge(true);
        JsonNode answer = ok(bridge.post("/api/receivers/modbus/test", "{\"channel\": 3}"));
        assertTrue(answer.get("acknowledged").asBoolean(), answer.toString());
        assertEquals("coil 2 on (pulse 100 ms)", answer.get("answer").asText());
        Eventually.await(WAIT, "coil 2 off after the pulse", () -> board.writes(2).equals(List.of(true, false)));
    }

    @Test
    void siaTest_sendsARestoreToTheZone_acknowledged() {
        startBridge(true);
        JsonNode answer = ok(bridge.post("/api/receivers/sia/test", "{\"zone\": 9}"));
        assertTrue(answer.get("acknowledged").asBoolean(), answer.toString());
        assertTrue(answer.get("answer").asText().startsWith("ACK"), answer.toString());
        assertTrue(sia.received().stream().anyMatch(r -> r.frame().data().endsWith("/BH009")),
                sia.received().toString());
    }

    @Test
    void testErrors_unknown404_badBody400_disabled503() {
        startBridge(false);
        assertError(404, "no receiver named 'bell'", bridge.post("/api/receivers/bell/test", "{\"zone\": 1}"));
        assertError(400, "the body is not a JSON object", bridge.post("/api/receivers/chekt/test", "zone=1"));
        assertError(400, "'channel' must be a whole number", bridge.post("/api/receivers/modbus/test",
                "{\"zone\": 1}"));
        assertError(400, "the body must be JSON", bridge.post("/api/receivers/sia/test", ""));
        assertError(503, "receiver 'chekt' is not configured or not enabled",
                bridge.post("/api/receivers/chekt/test", "{\"zone\": 1}"));
        assertEquals(0, chekt.requests());
    }

    private String lastAnswer(String receiver) {
        for (JsonNode r : bridge.json("/api/receivers")) {
            if (r.get("name").asText().equals(receiver)) {
                return r.get("health").get("last_answer").asText();
            }
        }
        throw new AssertionError("no receiver " + receiver);
    }

    private static List<String> names(JsonNode all) {
        List<String> names = new java.util.ArrayList<>();
        all.forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return BridgeProcess.json(response);
    }

    static void assertError(int status, String messageStart, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        String message = BridgeProcess.json(response).get("message").asText();
        assertTrue(message.startsWith(messageStart), message);
    }
}
