package io.streampulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MosquittoPeerTest {

    @RegisterExtension
    static final MosquittoExtension broker = MosquittoExtension.plain();

    @Test
    void subscriberReceivesAMessagePublishedOverPlainTcp() {
        assertEquals("127.0.0.1", broker.host());
        assertRoundTrip(b -> b.serverHost(broker.host()).serverPort(broker.tcpPort()));
    }

    @Test
    void passwordFileAdmitsTheRightPasswordAndRefusesAWrongOne() {
        try (MosquittoPeer peer = MosquittoPeer.builder()
                .withPasswordFile(Map.of("camera", "s3cret", "alarm", "other-pass"))
                .start()) {
            Mqtt5BlockingClient good = client(b -> b.serverHost(peer.host()).serverPort(peer.tcpPort())
                    .simpleAuth().username("camera").password(bytes("s3cret")).applySimpleAuth());
            good.connect();
            assertTrue(good.getState().isConnected());
            good.disconnect();

            Mqtt5BlockingClient second = client(b -> b.serverHost(peer.host()).serverPort(peer.tcpPort())
                    .simpleAuth().username("alarm").password(bytes("other-pass")).applySimpleAuth());
            second.connect();
            second.disconnect();

            Mqtt5BlockingClient bad = client(b -> b.serverHost(peer.host()).serverPort(peer.tcpPort())
                    .simpleAuth().username("camera").password(bytes("wrong")).applySimpleAuth());
            Mqtt5ConnAckException refused = assertThrows(Mqtt5ConnAckException.class, bad::connect);
            assertTrue(Set.of(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.NOT_AUTHORIZED)
                    .contains(refused.getMqttMessage().getReasonCode()), refused.getMqttMessage().toString());
            assertFalse(bad.getState().isConnected());

            Mqtt5BlockingClient anonymous = client(b -> b.serverHost(peer.host()).serverPort(peer.tcpPort()));
            assertThrows(Mqtt5ConnAckException.class, anonymous::connect, "anonymous access is off with a password file");
        }
    }

    @Test
    void webSocketListenerCarriesMqtt() {
        try (MosquittoPeer peer = MosquittoPeer.builder().withWebSocketListener().start()) {
            assertNotEquals(peer.tcpPort(), peer.wsPort());
            assertRoundTrip(b -> b.serverHost(peer.host()).serverPort(peer.wsPort())
                    .webSocketConfig().serverPath("mqtt").applyWebSocketConfig());
        }
    }

    @Test
    void tlsListenersWorkWithTheGeneratedCa(@TempDir Path dir) {
        TestCertificates.Certs certs = TestCertificates.generate(dir.resolve("certs"));
        try (MosquittoPeer peer = MosquittoPeer.builder()
                .withTlsListener(certs.caCert(), certs.serverCert(), certs.serverKey())
                .withTlsWebSocketListener(certs.caCert(), certs.serverCert(), certs.serverKey())
                .start()) {
            assertRoundTrip(b -> b.serverHost(peer.host()).serverPort(peer.tlsPort())
                    .sslConfig().trustManagerFactory(TestCertificates.trustManagerFactory(certs.caCert())).applySslConfig());
            assertRoundTrip(b -> b.serverHost(peer.host()).serverPort(peer.tlsWsPort())
                    .sslConfig().trustManagerFactory(TestCertificates.trustManagerFactory(certs.caCert())).applySslConfig()
                    .webSocketConfig().serverPath("mqtt").applyWebSocketConfig());

            // the JDK's default trust store does not know our throwaway CA: the listener really does TLS
            Mqtt5BlockingClient untrusting = client(b -> b.serverHost(peer.host()).serverPort(peer.tlsPort())
                    .sslWithDefaultConfig());
            assertThrows(RuntimeException.class, untrusting::connect);
        }
    }

    @Test
    void restartBringsTheBrokerBackOnTheSamePort() {
        try (MosquittoPeer peer = MosquittoPeer.start()) {
            int port = peer.tcpPort();
            assertRoundTrip(b -> b.serverHost(peer.host()).serverPort(port));

            peer.stop();
            assertFalse(peer.isRunning());
            Mqtt5BlockingClient refused = client(b -> b.serverHost(peer.host()).serverPort(port));
            assertThrows(RuntimeException.class, refused::connect, "nobody listens while the broker is stopped");

            peer.restart();
            assertTrue(peer.isRunning());
            assertEquals(port, peer.tcpPort());
            assertRoundTrip(b -> b.serverHost(peer.host()).serverPort(port));

            peer.kill();
            assertFalse(peer.isRunning());
            peer.restart();
            assertRoundTrip(b -> b.serverHost(peer.host()).serverPort(port));
        }
    }

    @Test
    void aBrokerThatCannotStartReportsItsExitCodeAndLog(@TempDir Path dir) {
        Path missing = dir.resolve("missing.pem");
        AssertionError failure = assertThrows(AssertionError.class,
                () -> MosquittoPeer.builder().withTlsListener(missing, missing, missing).start());
        assertTrue(failure.getMessage().contains("mosquitto exited with code"), failure.getMessage());
        assertTrue(failure.getMessage().contains(missing.toString()), "log tail names the bad file: " + failure.getMessage());
    }

    @Test
    void accessorOfAMissingListenerSaysHowToAddIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, broker::wsPort);
        assertTrue(e.getMessage().contains("withWebSocketListener()"), e.getMessage());
    }

    /** Subscribes, publishes one unique message and asserts that the subscriber gets it. */
    private static void assertRoundTrip(UnaryOperator<Mqtt5ClientBuilder> transport) {
        String topic = "testkit/" + UUID.randomUUID();
        String payload = "payload " + UUID.randomUUID();
        Mqtt5BlockingClient subscriber = client(transport);
        Mqtt5BlockingClient publisher = client(transport);
        subscriber.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
            publisher.connect();
            publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(bytes(payload)).send();
            Optional<Mqtt5Publish> received = publishes.receive(5, TimeUnit.SECONDS);
            assertTrue(received.isPresent(), "subscriber got the message within 5 s");
            assertEquals(topic, received.get().getTopic().toString());
            assertEquals(payload, new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            disconnectQuietly(publisher);
            disconnectQuietly(subscriber);
        }
    }

    private static Mqtt5BlockingClient client(UnaryOperator<Mqtt5ClientBuilder> transport) {
        return transport.apply(Mqtt5Client.builder().identifier("testkit-" + UUID.randomUUID())).buildBlocking();
    }

    private static void disconnectQuietly(Mqtt5BlockingClient client) {
        if (client.getState().isConnected()) {
            client.disconnect();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
