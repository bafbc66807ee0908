package io.streampulse.bridge;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.micronaut.context.ApplicationContext;
import io.streampulse.bridge.alert.OutboxEntry;
import io.streampulse.bridge.sia.FakeSiaReceiver;
import io.streampulse.bridge.yolink.support.FakeYoLinkCloud;
import io.streampulse.bridge.yolink.support.YoLinkBrokerPeer;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.RedisExtension;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole bridge as configured in config.yaml: a door opening, reported by (a faithful fake of) YoLink's cloud
 * through a real MQTT broker, becomes a SIA DC-09 burglary alarm at a DC-09 receiver, acknowledged and logged;
 * closing it becomes the restore.
 */
class BridgeEndToEndTest {

    static final String DOOR = "d-door-1";
    static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void aDoorOpeningAtYoLinkReachesTheAlarmReceiverAndIsLogged() throws Exception {
        try (FakeYoLinkCloud cloud = new FakeYoLinkCloud("ua_site", "sec_site", 7200)
                .withDevice(DOOR, "Front door", "DoorSensor", "YS7704");
             YoLinkBrokerPeer broker = new YoLinkBrokerPeer(FakeYoLinkCloud.HOME_ID, FakeYoLinkCloud.firstTokens(3));
             FakeSiaReceiver receiver = new FakeSiaReceiver(null)) {
            TempSuite suite = TempSuite.create(dir);
            suite.writeConfig(String.join("\n",
                    "redis: {url: '" + redis.url() + "'}",
                    "yolink:",
                    "  uaid: ua_site",
                    "  secret_key: sec_site",
                    "  api_url: " + cloud.baseUrl(),
                    "  mqtt_host: " + broker.host(),
                    "  mqtt_port: " + broker.port(),
                    "receivers:",
                    "  sia: {enabled: true, host: 127.0.0.1, port: " + receiver.tcpPort()
                            + ", transport: tcp, account: '1234'}",
                    "devices:",
                    "  " + DOOR + ": {name: Front door, sia_zone: 7, receivers: [sia]}",
                    ""));
            try (ApplicationContext bridge = ApplicationContext.run(suite.properties())) {
                BridgeRuntime runtime = bridge.getBean(BridgeRuntime.class);
                Eventually.await(WAIT, "the device list read from YoLink",
                        () -> runtime.store().get(DOOR).isPresent());
                Mqtt3BlockingClient yolink = cloudPublisher(broker);

                // the subscription may still be on its way: repeat the report until the engine has it
                Eventually.await(WAIT, "the open door in the engine", () -> {
                    publish(yolink, "open");
                    return runtime.store().get(DOOR).map(d -> "open".equals(d.state())).orElse(false);
                });
                Eventually.await(WAIT, "the SIA alarm acknowledged", () -> alarms(receiver).contains("BA007"));
                publish(yolink, "closed");
                Eventually.await(WAIT, "the SIA restore acknowledged", () -> alarms(receiver).contains("BH007"));
                assertEquals(1, alarms(receiver).stream().filter("BA007"::equals).count(), "one alarm, not one per report");

                List<OutboxEntry> log = Eventually.await(WAIT, "both deliveries logged",
                        () -> query(runtime, 10), entries -> entries.size() == 2
                                && entries.stream().allMatch(e -> OutboxEntry.DELIVERED.equals(e.status())));
                assertTrue(log.stream().allMatch(e -> e.answer().startsWith("ACK")), log.toString());
                yolink.disconnect();
            }
        }
    }

    /** The fake cloud's own MQTT connection, which publishes device reports. */
    static Mqtt3BlockingClient cloudPublisher(YoLinkBrokerPeer broker) {
        Mqtt3BlockingClient yolink = MqttClient.builder().useMqttVersion3().identifier("fake-yolink-cloud")
                .serverHost(broker.host()).serverPort(broker.port()).buildBlocking();
        yolink.connectWith().simpleAuth().username(YoLinkBrokerPeer.CLOUD_USER).applySimpleAuth().send();
        return yolink;
    }

    static List<OutboxEntry> query(BridgeRuntime runtime, int limit) {
        try {
            return runtime.dispatcher().outbox().query(Optional.of(DOOR), Optional.empty(), limit);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> alarms(FakeSiaReceiver receiver) {
        return receiver.received().stream().map(r -> r.frame().data())
                .filter(data -> data.contains("/")).map(data -> data.substring(data.lastIndexOf('/') + 1)).toList();
    }

    static void publish(Mqtt3BlockingClient yolink, String state) {
        long now = System.currentTimeMillis();
        String event = "{\"event\":\"DoorSensor.Alert\",\"time\":" + now + ",\"msgid\":\"" + now + "\",\"data\":"
                + "{\"state\":\"" + state + "\",\"alertType\":\"normal\",\"battery\":4,\"loraInfo\":{\"signal\":-70},"
                + "\"stateChangedAt\":" + now + "},\"deviceId\":\"" + DOOR + "\"}";
        yolink.publishWith().topic("yl-home/" + FakeYoLinkCloud.HOME_ID + "/" + DOOR + "/report")
                .payload(event.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
    }
}
