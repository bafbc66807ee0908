package io.streampulse.bridge.yolink;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.yolink.cloud.CloudStatus;
import io.streampulse.bridge.yolink.events.MalformedEventException;
import io.streampulse.bridge.yolink.events.YoLinkEventParser;
import io.streampulse.bridge.yolink.mqtt.ConnectLimiter;
import io.streampulse.bridge.yolink.mqtt.MqttStatus;
import io.streampulse.bridge.yolink.support.FakeYoLinkCloud;
import io.streampulse.bridge.yolink.support.RecordingUpdates;
import io.streampulse.bridge.yolink.support.YoLinkBrokerPeer;
import io.streampulse.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole YoLink side against a fake YoLink cloud and a real mosquitto standing in for YoLink's broker, which
 * serves only the tokens the fake cloud has handed out (username = token, no password, as YoLink does).
 */
class YoLinkSessionTest {

    private static final String DOOR = "d88b4c0100000001";
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final RecordingUpdates updates = new RecordingUpdates();
    private FakeYoLinkCloud cloud;
    private YoLinkBrokerPeer broker;
    private YoLinkSession session;
    private YoLinkDeviceFeed feed;
    private Mqtt3BlockingClient publisher;

    @AfterEach
    void stop() {
        if (publisher != null && publisher.getState().isConnected()) {
            publisher.disconnect();
        }
        if (session != null) {
            session.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void doorAlert_publishedByTheBroker_reachesTheConsumerAsOpenWithinOneSecond() throws Exception {
        start(7200);
        awaitConnected(1);
        Eventually.await(WITHIN, "the device list", () -> !updates.lists().isEmpty());
        assertEquals("Back door", updates.lists().get(0).get(0).name());

        String payload = doorEvent("open");
        connectPublisher();
        long sent = System.nanoTime();
        publish(payload);
        DeviceState open = Eventually.await(Duration.ofSeconds(1), "the door open state",
                () -> updates.last(DOOR).orElse(null), state -> state != null && "open".equals(state.state()));

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        System.out.println("YoLink door alert: broker publish to DeviceUpdates in " + millis + " ms");
        assertEquals(Set.of(AlertCause.OPEN), open.active());
        assertEquals("Back door", open.name(), "named from the device list");
        assertEquals(100, open.batteryPercent());
        assertTrue(millis < 1000, "took " + millis + " ms");
    }

    @Test
    void brokerRestart_reconnectsAndEventsFlowAgain() throws Exception {
        start(7200);
        awaitConnected(1);
        publish(doorEvent("open"));
        awaitState("open");

        broker.restart();
        awaitConnected(2);
        publish(doorEvent("closed"));

        assertEquals(Set.of(), awaitState("closed").active());
        assertEquals(1, cloud.tokensIssued(), "the token was still good: no new one asked for");
    }

    @Test
    void brokerDownAtStart_keepsTryingAndConnectsWhenItComesUp() {
        cloud = new FakeYoLinkCloud("ua_test", "sec_test", 7200);
        broker = brokerAdmittingCloudTokens();
        broker.stop();
        feed = new YoLinkDeviceFeed(List.of(updates), System::currentTimeMillis);
        session = new YoLinkSession(settings("sec_test"), feed);
        session.start();
        MqttStatus retrying = Eventually.await(WITHIN, "retries", () -> session.mqttStatus().orElse(null),
                status -> status != null && status.failedAttempts() >= 2);
        assertEquals(MqttStatus.State.RETRYING, retrying.state());
        assertTrue(retrying.reason().contains("connection refused"), retrying.reason());

        broker.restart();

        awaitConnected(1);
    }

    @Test
    void tokenRenewal_reconnectsWithTheNewToken() throws Exception {
        start(3);
        awaitConnected(1);

        Eventually.await(WITHIN, "a renewed token and a reconnect with it",
                () -> cloud.tokensIssued() >= 2 && session.mqttStatus().map(MqttStatus::connects).orElse(0L) >= 2);
        // the first token is revoked: a session still using it would receive nothing from now on
        broker.allowOnly(FakeYoLinkCloud.firstTokens(5).subList(1, 5));
        publish(doorEvent("open"));

        assertEquals(Set.of(AlertCause.OPEN), awaitState("open").active());
        assertTrue(session.mqttStatus().orElseThrow().healthy());
    }

    @Test
    void tenThousandMalformedPayloads_countedAndTheNextGoodEventProcessed() throws Exception {
        start(7200);
        awaitConnected(1);
        String good = doorEvent("open");
        Random random = new Random(9);
        int sent = 0;
        while (sent < 10_000) {
            char[] chars = good.toCharArray();
            chars[random.nextInt(chars.length)] = "{}[\"".charAt(random.nextInt(4));
            chars[random.nextInt(chars.length)] = '}';
            String bad = new String(chars);
            if (!isWellFormedEvent(bad)) {
                publish(bad, MqttQos.AT_MOST_ONCE);
                sent++;
            }
        }
        publish(good);

        assertEquals(Set.of(AlertCause.OPEN), awaitState("open").active());
        YoLinkDeviceFeed feed = feedOf(session);
        assertEquals(10_000, feed.malformed());
        assertEquals(10_001, feed.received());
    }

    @Test
    void wrongSecret_notConnectedAndHealthSaysWhy() {
        cloud = new FakeYoLinkCloud("ua_test", "sec_test", 7200);
        broker = brokerAdmittingCloudTokens();
        session = new YoLinkSession(settings("wrong"), new YoLinkDeviceFeed(List.of(updates),
                System::currentTimeMillis));
        session.start();

        CloudStatus status = Eventually.await(WITHIN, "the refusal", session::cloudStatus,
                s -> s.state() == CloudStatus.State.CREDENTIALS_REJECTED);

        assertTrue(status.error().contains("yolink.secret_key"), status.error());
        assertTrue(session.mqttStatus().isEmpty(), "no MQTT without a home id");
    }

    private void start(long tokenSeconds) {
        cloud = new FakeYoLinkCloud("ua_test", "sec_test", tokenSeconds)
                .withDevice(DOOR, "Back door", "DoorSensor", "YS7704-UC");
        broker = brokerAdmittingCloudTokens();
        feed = new YoLinkDeviceFeed(List.of(updates), System::currentTimeMillis);
        session = new YoLinkSession(settings("sec_test"), feed);
        session.start();
    }

    private YoLinkDeviceFeed feedOf(YoLinkSession ignored) {
        return feed;
    }

    /** A mutation that still parses as an event would be counted as good: only real garbage is sent. */
    private static boolean isWellFormedEvent(String payload) {
        try {
            YoLinkEventParser.parse(payload);
            return true;
        } catch (MalformedEventException e) {
            return false;
        }
    }

    private YoLinkSession.Settings settings(String secret) {
        return new YoLinkSession.Settings(cloud.baseUrl(), "ua_test", secret, broker.host(), broker.port(),
                Duration.ofMinutes(60), new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(500)),
                new ConnectLimiter(ConnectLimiter.YOLINK_MAX, ConnectLimiter.YOLINK_WINDOW_MILLIS));
    }

    private static YoLinkBrokerPeer brokerAdmittingCloudTokens() {
        return new YoLinkBrokerPeer(FakeYoLinkCloud.HOME_ID, FakeYoLinkCloud.firstTokens(5));
    }

    private void awaitConnected(long connects) {
        Eventually.await(WITHIN, "MQTT connect number " + connects,
                () -> session.mqttStatus().map(s -> s.healthy() && s.connects() >= connects).orElse(false));
    }

    private DeviceState awaitState(String state) {
        return Eventually.await(WITHIN, "state " + state, () -> updates.last(DOOR).orElse(null),
                s -> s != null && state.equals(s.state()));
    }

    /** Publishes as YoLink's cloud would; after a broker restart the subscription may need a moment. */
    private void publish(String payload) {
        publish(payload, MqttQos.AT_LEAST_ONCE);
    }

    private void publish(String payload, MqttQos qos) {
        connectPublisher();
        publisher.publishWith().topic("yl-home/" + FakeYoLinkCloud.HOME_ID + "/" + DOOR + "/report")
                .payload(payload.getBytes(StandardCharsets.UTF_8)).qos(qos).send();
    }

    private void connectPublisher() {
        if (publisher == null) {
            publisher = MqttClient.builder().useMqttVersion3().identifier("fake-yolink-cloud")
                    .serverHost(broker.host()).serverPort(broker.port()).buildBlocking();
        }
        if (!publisher.getState().isConnected()) {
            publisher.connectWith().simpleAuth().username(YoLinkBrokerPeer.CLOUD_USER).applySimpleAuth().send();
        }
    }

    private static String doorEvent(String state) {
        long now = System.currentTimeMillis();
        return "{\"event\":\"DoorSensor.Alert\",\"time\":" + now + ",\"msgid\":\"" + now + "\",\"data\":{\"state\":\""
                + state + "\",\"alertType\":\"normal\",\"battery\":4,\"version\":\"0703\",\"loraInfo\":{\"signal\":"
                + "-77,\"gatewayId\":\"d88b4c1603000001\",\"gateways\":1},\"stateChangedAt\":" + now + "},"
                + "\"deviceId\":\"" + DOOR + "\"}";
    }
}
