package io.streampulse.bridge;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.streampulse.bridge.alert.OutboxEntry;
import io.streampulse.bridge.chekt.FakeChektBridge;
import io.streampulse.bridge.modbus.RelayBoardSlave;
import io.streampulse.bridge.sia.FakeSiaReceiver;
import io.streampulse.bridge.support.BridgeProcess;
import io.streampulse.bridge.yolink.support.FakeYoLinkCloud;
import io.streampulse.bridge.yolink.support.YoLinkBrokerPeer;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.RedisExtension;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.streampulse.bridge.BridgeEndToEndTest.DOOR;
import static io.streampulse.bridge.BridgeEndToEndTest.alarms;
import static io.streampulse.bridge.BridgeEndToEndTest.cloudPublisher;
import static io.streampulse.bridge.BridgeEndToEndTest.publish;
import static io.streampulse.bridge.BridgeEndToEndTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5's "must show" with every receiver at once: one door mapped to SIA, CHEKT and a pulse-mode relay, with a
 * 2 s door-prop timeout. Opening it at (a fake of) YoLink gives an ACKed BA frame, a CHEKT POST to its zone and a
 * coil pulse; held open, the prop alarm reaches all three; closing it restores both causes.
 */
class BridgeAllReceiversEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final int COIL = 1; // relay_channel 2

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void doorOpenHeldAndClosed_reachesSiaChektAndTheRelay() throws Exception {
        try (FakeYoLinkCloud cloud = new FakeYoLinkCloud("ua_site", "sec_site", 7200)
                .withDevice(DOOR, "Front door", "DoorSensor", "YS7704");
             YoLinkBrokerPeer broker = new YoLinkBrokerPeer(FakeYoLinkCloud.HOME_ID, FakeYoLinkCloud.firstTokens(3));
             FakeSiaReceiver sia = new FakeSiaReceiver(null);
             FakeChektBridge chekt = new FakeChektBridge("tok");
             RelayBoardSlave board = new RelayBoardSlave(1, 8)) {
            TempSuite suite = TempSuite.create(dir);
            suite.writeConfig(String.join("\n",
                    "redis: {url: '" + redis.url() + "'}",
                    "yolink: {uaid: ua_site, secret_key: sec_site, api_url: '" + cloud.baseUrl() + "', mqtt_host: "
                            + broker.host() + ", mqtt_port: " + broker.port() + "}",
                    "receivers:",
                    "  sia: {enabled: true, host: 127.0.0.1, port: " + sia.tcpPort()
                            + ", transport: tcp, account: '1234'}",
                    "  chekt: {enabled: true, url: '" + chekt.url() + "', api_token: tok}",
                    "  modbus: {enabled: true, host: 127.0.0.1, port: " + board.port()
                            + ", unit_id: 1, channels: 8, mode: pulse, pulse_ms: 300}",
                    "devices:",
                    "  " + DOOR + ": {name: Front door, sia_zone: 7, chekt_zone: 4, relay_channel: 2,"
                            + " door_prop_seconds: 2, receivers: [sia, chekt, modbus]}",
                    ""));
            try (BridgeProcess bridge = new BridgeProcess(suite)) {
                BridgeRuntime runtime = bridge.runtime();
                Eventually.await(WAIT, "the device list read from YoLink", () -> runtime.store().get(DOOR).isPresent());
                assertEquals(1, BridgeProcess.json(bridge.post("/api/devices/refresh", "")).get("devices").asInt(),
                        "a refresh through the API reads the cloud's list again");
                Mqtt3BlockingClient yolink = cloudPublisher(broker);
                Eventually.await(WAIT, "the open door in the engine", () -> {
                    publish(yolink, "open");
                    return runtime.store().get(DOOR).map(d -> "open".equals(d.state())).orElse(false);
                });

                Eventually.await(WAIT, "SIA alarm BA007 ACKed", () -> alarms(sia).contains("BA007"));
                Eventually.await(WAIT, "CHEKT POST to zone 4", () -> chektTexts(chekt)
                        .contains("4 Door opened (Front door)"));
                Eventually.await(WAIT, "the coil pulsed: on, then off", () -> board.writes(COIL).size() >= 2);
                assertEquals(List.of(true, false), board.writes(COIL).subList(0, 2));

                // still open: the 2 s door-prop timeout raises DOOR_PROP at every receiver
                Eventually.await(WAIT, "SIA door-prop DL007", () -> alarms(sia).contains("DL007"));
                Eventually.await(WAIT, "CHEKT door-prop", () -> chektTexts(chekt).contains("4 Door propped open (Front door)"));
                Eventually.await(WAIT, "a second pulse for the prop alarm",
                        () -> board.writes(COIL).equals(List.of(true, false, true, false)));

                publish(yolink, "closed");
                Eventually.await(WAIT, "SIA restores BH007 and DH007",
                        () -> alarms(sia).containsAll(List.of("BH007", "DH007")));
                Eventually.await(WAIT, "CHEKT restores", () -> chektTexts(chekt)
                        .containsAll(List.of("4 Door closed (Front door)", "4 Propped door closed (Front door)")));
                List<OutboxEntry> log = Eventually.await(WAIT, "12 deliveries (4 events x 3 receivers) logged",
                        () -> query(runtime, 20), entries -> entries.size() == 12
                                && entries.stream().allMatch(e -> OutboxEntry.DELIVERED.equals(e.status())));
                assertEquals(List.of(true, false, true, false), board.writes(COIL),
                        "pulse mode: restores leave the coil alone");
                assertTrue(log.stream().filter(e -> e.receiver().equals("sia"))
                        .allMatch(e -> e.answer().startsWith("ACK")), log.toString());
                yolink.disconnect();
            }
        }
    }

    /** "zone text" of every event the CHEKT fake accepted. */
    private static List<String> chektTexts(FakeChektBridge chekt) {
        return chekt.accepted().stream().map(e -> e.zone() + " " + e.text()).toList();
    }
}
