package io.streampulse.bridge;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.streampulse.bridge.alert.OutboxEntry;
import io.streampulse.bridge.chekt.FakeChektBridge;
import io.streampulse.bridge.sia.FakeSiaReceiver;
import io.streampulse.bridge.support.BridgeProcess;
import io.streampulse.bridge.support.ConnectionFront;
import io.streampulse.bridge.yolink.support.FakeYoLinkCloud;
import io.streampulse.bridge.yolink.support.YoLinkBrokerPeer;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.PymodbusRelayBoard;
import io.streampulse.testkit.RedisExtension;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.streampulse.bridge.BridgeEndToEndTest.alarms;
import static io.streampulse.bridge.BridgeEndToEndTest.cloudPublisher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5: "a receiver down for 30 s during 50 alarms: all 50 delivered after it returns, in order per receiver, no
 * duplicates". Ten doors mapped to a DC-09 receiver, a CHEKT bridge and a pymodbus relay board (follower mode),
 * each behind a {@link ConnectionFront}. With all three switched off (connections refused), every door opens and
 * closes five times at (a fake of) YoLink: 50 alarms and 50 restores through the real broker. After the outage each
 * peer must hold exactly the 100 events, none twice, in the order they happened (SIA: all of them; CHEKT: per zone,
 * since its zones go out side by side; the relay: per coil), and the outbox none left.
 * The outage lasts {@code -Dbridge.outage.seconds} (default 30: the figure, real time, this suite's one
 * long test); the bridge's retry ceiling is 200 ms in tests, so delivery resumes within a second of the return.
 */
class BridgeReceiverOutageEndToEndTest {

    static final int DOORS = 10;
    static final int CYCLES = 5;
    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("bridge.outage.seconds", 30));
    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    /** One report as the test publishes it, and so as each receiver must see it. */
    record Report(int door, boolean open) {
        String sia() {
            return (open ? "BA" : "BH") + String.format("%03d", door);
        }

        String chekt() {
            return door + ":" + (open ? "Door opened" : "Door closed") + " (Door " + door + ")";
        }
    }

    @Test
    void allReceiversDownDuring50Alarms_allDeliveredAfterwards_inOrder_noDuplicates() throws Exception {
        FakeYoLinkCloud cloud = new FakeYoLinkCloud("ua_site", "sec_site", 7200);
        for (int door = 1; door <= DOORS; door++) {
            cloud.withDevice(door(door), "Door " + door, "DoorSensor", "YS7704");
        }
        try (cloud;
             YoLinkBrokerPeer broker = new YoLinkBrokerPeer(FakeYoLinkCloud.HOME_ID, FakeYoLinkCloud.firstTokens(3));
             FakeSiaReceiver siaPeer = new FakeSiaReceiver(null);
             FakeChektBridge chektPeer = new FakeChektBridge("tok");
             PymodbusRelayBoard board = new PymodbusRelayBoard(1, DOORS);
             ConnectionFront sia = new ConnectionFront(FreePorts.next(), siaPeer.tcpPort());
             ConnectionFront chekt = new ConnectionFront(FreePorts.next(), URI.create(chektPeer.url()).getPort());
             ConnectionFront relay = new ConnectionFront(FreePorts.next(), board.port())) {
            TempSuite suite = TempSuite.create(dir);
            List<String> config = new ArrayList<>(List.of(
                    "redis: {url: '" + redis.url() + "'}",
                    "yolink: {uaid: ua_site, secret_key: sec_site, api_url: '" + cloud.baseUrl() + "', mqtt_host: "
                            + broker.host() + ", mqtt_port: " + broker.port() + "}",
                    "receivers:",
                    "  sia: {enabled: true, host: 127.0.0.1, port: " + sia.port() + ", transport: tcp,"
                            + " account: '1234', timeout_seconds: 2}",
                    "  chekt: {enabled: true, url: 'http://127.0.0.1:" + chekt.port() + "', api_token: tok}",
                    "  modbus: {enabled: true, host: 127.0.0.1, port: " + relay.port() + ", unit_id: 1, channels: "
                            + DOORS + ", mode: follower}",
                    "devices:"));
            for (int door = 1; door <= DOORS; door++) {
                config.add("  " + door(door) + ": {name: Door " + door + ", sia_zone: " + door + ", chekt_zone: "
                        + door + ", relay_channel: " + door + ", receivers: [sia, chekt, modbus]}");
            }
            suite.writeConfig(String.join("\n", config) + "\n");
            try (BridgeProcess bridge = new BridgeProcess(suite)) {
                BridgeRuntime runtime = bridge.runtime();
                Eventually.await(WAIT, "the device list read from YoLink",
                        () -> runtime.store().get(door(DOORS)).isPresent());
                Mqtt3BlockingClient yolink = cloudPublisher(broker);
                long[] clock = {System.currentTimeMillis()};

                // receivers up: door 1 opens and closes, so the subscription and every peer are known to work
                List<Report> expected = new ArrayList<>();
                Eventually.await(WAIT, "the first report in the engine", () -> {
                    publish(yolink, 1, true, ++clock[0]);
                    return runtime.store().get(door(1)).map(d -> "open".equals(d.state())).orElse(false);
                });
                publish(yolink, 1, false, ++clock[0]);
                expected.addAll(List.of(new Report(1, true), new Report(1, false)));
                Eventually.await(WAIT, "the warm-up at every peer", () -> alarms(siaPeer).size() == 2
                        && chektPeer.accepted().size() == 2 && board.writes(0).size() == 2);

                // all three switched off, then 50 alarms and 50 restores
                sia.down();
                chekt.down();
                relay.down();
                long downAt = System.nanoTime();
                List<Report> burst = new ArrayList<>();
                for (int cycle = 0; cycle < CYCLES; cycle++) {
                    for (boolean open : List.of(true, false)) {
                        for (int door = 1; door <= DOORS; door++) {
                            burst.add(new Report(door, open));
                            publish(yolink, door, open, ++clock[0]);
                        }
                    }
                }
                expected.addAll(burst);
                long lastReport = clock[0];
                Eventually.await(WAIT, "every report in the engine", () -> runtime.store().get(door(DOORS))
                        .map(d -> d.lastSeenMillis() == lastReport).orElse(false));
                Eventually.await(WAIT, "300 rows waiting in the outbox, every receiver refused",
                        () -> backlog(runtime).unfinished() == 3 * burst.size()
                                && refusedBy(runtime).equals(Set.of("sia", "chekt", "modbus")));
                assertEquals(2, alarms(siaPeer).size(), "nothing reached SIA while it was down");
                assertEquals(2, chektPeer.accepted().size(), "nothing reached CHEKT while it was down");

                // the outage itself is what is tested: its length is waited out, not a condition
                long left = OUTAGE.toNanos() - (System.nanoTime() - downAt);
                if (left > 0) {
                    Thread.sleep(Duration.ofNanos(left).toMillis());
                }
                sia.up();
                chekt.up();
                relay.up();
                long upAt = System.nanoTime();
                Eventually.await(WAIT, "the outbox empty after the return", () -> backlog(runtime).unfinished() == 0);
                Duration drained = Duration.ofNanos(System.nanoTime() - upAt);

                assertEquals(expected.stream().map(Report::sia).toList(), alarms(siaPeer),
                        "SIA: every event once, in order");
                List<String> atChekt = chektPeer.accepted().stream().map(e -> e.zone() + ":" + e.text()).toList();
                assertEquals(expected.size(), atChekt.size(), "CHEKT: every event once");
                for (int door = 1; door <= DOORS; door++) {
                    int d = door;
                    // CHEKT zones are independent channels sent side by side (ChektReceiver.LANES): order per zone
                    assertEquals(expected.stream().filter(r -> r.door() == d).map(Report::chekt).toList(),
                            atChekt.stream().filter(e -> e.startsWith(d + ":")).toList(),
                            "CHEKT zone " + d + ": every event once, in order");
                    assertEquals(expected.stream().filter(r -> r.door() == d).map(Report::open).toList(),
                            board.writes(door - 1), "relay coil " + (door - 1) + ": on/off once each, in order");
                }
                List<OutboxEntry> log = runtime.dispatcher().outbox().query(Optional.empty(), Optional.empty(), 1000);
                assertEquals(3 * expected.size(), log.size());
                assertTrue(log.stream().allMatch(e -> OutboxEntry.DELIVERED.equals(e.status())), "all delivered");
                assertTrue(drained.compareTo(Duration.ofSeconds(10)) < 0, "drained in " + drained);
                yolink.disconnect();
            }
        }
    }

    private static String door(int n) {
        return "d-door-" + n;
    }

    private static io.streampulse.bridge.alert.OutboxStore.Backlog backlog(BridgeRuntime runtime) {
        try {
            return runtime.dispatcher().outbox().backlog();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receivers with a row that failed at least once (each lane's head while its receiver is down). */
    private static Set<String> refusedBy(BridgeRuntime runtime) {
        try {
            return runtime.dispatcher().outbox().query(Optional.empty(), Optional.of(OutboxEntry.FAILED), 1000)
                    .stream().map(OutboxEntry::receiver).collect(java.util.stream.Collectors.toSet());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publish(Mqtt3BlockingClient yolink, int door, boolean open, long at) {
        String state = open ? "open" : "closed";
        String event = "{\"event\":\"DoorSensor.Alert\",\"time\":" + at + ",\"msgid\":\"" + at + "\",\"data\":"
                + "{\"state\":\"" + state + "\",\"alertType\":\"normal\",\"battery\":4,\"loraInfo\":{\"signal\":-70},"
                + "\"stateChangedAt\":" + at + "},\"deviceId\":\"" + door(door) + "\"}";
        yolink.publishWith().topic("yl-home/" + FakeYoLinkCloud.HOME_ID + "/" + door(door) + "/report")
                .payload(event.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
    }
}
