import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import io.streampulse.bridge.yolink.support.FakeYoLinkCloud;
import io.streampulse.bridge.yolink.support.YoLinkBrokerPeer;

import java.nio.charset.StandardCharsets;

/**
 * YoLink's cloud side of the bench: publishes door reports to the broker as YoLink's broker delivers them. Runs in
 * the fakes' JVM ({@link BenchFakes}): it is not the bridge, and in the bridge's JVM its MQTT client threads (shared
 * with the bridge's own subscriber) were counted as the bridge's CPU.
 */
final class CloudPublisher implements PacedReports.Sink {

    private final Mqtt3AsyncClient client;

    CloudPublisher(String host, int port) throws Exception {
        client = MqttClient.builder().useMqttVersion3().identifier("fake-yolink-cloud").serverHost(host)
                .serverPort(port).buildAsync();
        client.connectWith().simpleAuth().username(YoLinkBrokerPeer.CLOUD_USER).applySimpleAuth().send().get();
    }

    /** A YoLink DoorSensor.Alert as YoLink's broker delivers it (QoS 1, as the fake cloud of the tests sends). */
    @Override
    public void send(int door, boolean open, long atMillis) {
        String device = BridgeBench.door(door);
        String event = "{\"event\":\"DoorSensor.Alert\",\"time\":" + atMillis + ",\"msgid\":\"" + atMillis
                + "\",\"data\":{\"state\":\"" + (open ? "open" : "closed") + "\",\"alertType\":\"normal\","
                + "\"battery\":4,\"loraInfo\":{\"signal\":-70},\"stateChangedAt\":" + atMillis + "},"
                + "\"deviceId\":\"" + device + "\"}";
        client.publishWith().topic("yl-home/" + FakeYoLinkCloud.HOME_ID + "/" + device + "/report")
                .payload(event.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
    }

    void disconnect() {
        client.disconnect();
    }
}
