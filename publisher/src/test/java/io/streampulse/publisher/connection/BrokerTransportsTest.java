package io.streampulse.publisher.connection;

import io.streampulse.shared.feed.ReconnectBackoff;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.publisher.outbox.Outbox;
import io.streampulse.publisher.support.MqttRecorder;
import io.streampulse.shared.config.ConfigParser;
import io.streampulse.shared.config.MqttSection;
import io.streampulse.shared.config.SecretBox;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.MosquittoExtension;
import io.streampulse.testkit.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BrokerConnection against a real mosquitto with a password file and all four listeners, certificates made here. */
class BrokerTransportsTest {

    static final String USER = "publisher";
    static final String PASSWORD = "s3cret";
    static final Duration WAIT = Duration.ofSeconds(10);
    static TestCertificates.Certs certs;

    @RegisterExtension
    static final MosquittoExtension broker = MosquittoExtension.withOptions(b -> {
        certs = TestCertificates.generate(tempDir().resolve("certs"));
        b.withPasswordFile(Map.of(USER, PASSWORD)).withWebSocketListener().withTlsListener(certs)
                .withTlsWebSocketListener(certs);
    });

    static MqttRecorder recorder;
    BrokerConnection connection;

    @BeforeAll
    static void subscribe() {
        recorder = new MqttRecorder(broker.host(), broker.tcpPort(), USER, PASSWORD);
    }

    @AfterAll
    static void unsubscribe() {
        recorder.close();
    }

    @AfterEach
    void disconnect() {
        if (connection != null) {
            connection.close();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("publisher-transports-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BrokerSettings settings(String extraYaml, String base) {
        String yaml = "mqtt:\n  enabled: true\n  host: 127.0.0.1\n  port: " + broker.tcpPort()
                + "\n  ws_port: " + broker.wsPort() + "\n  tls_port: " + broker.tlsPort()
                + "\n  tls_ws_port: " + broker.tlsWsPort() + "\n  username: " + USER + "\n" + extraYaml;
        MqttSection mqtt = ConfigParser.parse(yaml, Map.of(), SecretBox.unavailable("test")).config().orElseThrow()
                .mqtt();
        return BrokerSettings.from(mqtt, "test-host-" + base, base + "/status", Optional.empty());
    }

    private BrokerConnection connect(BrokerSettings settings) {
        connection = new BrokerConnection(new Outbox(100), new ReconnectBackoff(Duration.ofMillis(100),
                Duration.ofMillis(500)));
        connection.apply(settings);
        return connection;
    }

    @ParameterizedTest(name = "{0} {1} over MQTT {2}")
    @CsvSource({
            "false, false, 5",
            "false, true, 5",
            "true, false, 5",
            "true, true, 5",
            "false, false, 3.1.1",
            "true, true, 3.1.1"})
    void apply_eachTransportAndProtocol_connectsAnnouncesOnlineAndPublishes(boolean tls, boolean ws, String protocol) {
        String base = "t-" + UUID.randomUUID();
        BrokerSettings settings = settings("  password: " + PASSWORD + "\n  use_tls: " + tls + "\n  use_websocket: "
                + ws + "\n  protocol: '" + protocol + "'\n  ca_file: " + certs.caCert() + "\n", base);
        connect(settings);

        Eventually.await(WAIT, "connected over " + settings.describe(), connection::connected);
        connection.publish(new OutgoingMessage(base + "/hello", "over " + settings.transport(), 1, true));

        assertEquals("online", recorder.awaitLatest(base + "/status", WAIT, p -> true));
        assertEquals("over " + settings.transport(), recorder.awaitLatest(base + "/hello", WAIT, p -> true));
        assertEquals(ConnectionStatus.State.CONNECTED, connection.status().state());
        assertTrue(connection.stats().lastPublishMillis() > 0);
    }

    @Test
    void apply_wrongPassword_retriesAndSaysNotAuthorized() {
        connect(settings("  password: wrong\n", "bad-" + UUID.randomUUID()));

        ConnectionStatus status = Eventually.await(WAIT, "a refused login", connection::status,
                s -> s.state() == ConnectionStatus.State.RETRYING);

        assertTrue(status.reason().startsWith("not authorized"), status.reason());
        Eventually.await(WAIT, "a second attempt", () -> connection.status().failedAttempts() >= 2);
    }

    @Test
    void apply_tlsWithoutTheBrokersCa_failsWithAClearReason_andInsecureConnects() {
        String base = "tls-" + UUID.randomUUID();
        connect(settings("  password: " + PASSWORD + "\n  use_tls: true\n", base));

        ConnectionStatus status = Eventually.await(WAIT, "a TLS failure", connection::status,
                s -> s.state() == ConnectionStatus.State.RETRYING);
        assertTrue(status.reason().startsWith("TLS handshake with 127.0.0.1:" + broker.tlsPort() + " failed"),
                status.reason());

        connection.apply(settings("  password: " + PASSWORD + "\n  use_tls: true\n  tls_insecure: true\n", base));
        Eventually.await(WAIT, "connected without verification", connection::connected);
    }

    @Test
    void lastWill_connectionLostWithoutDisconnect_saysOffline_thenReconnectsOnline() {
        String base = "will-" + UUID.randomUUID();
        BrokerSettings settings = settings("  password: " + PASSWORD + "\n", base);
        connect(settings);
        Eventually.await(WAIT, "connected", connection::connected);
        recorder.awaitLatest(base + "/status", WAIT, "online"::equals);

        // a second client with our id takes the session over: the broker drops us without a DISCONNECT
        long takeover = System.nanoTime();
        Mqtt5BlockingClient intruder = Mqtt5Client.builder().identifier(settings.clientId())
                .serverHost(broker.host()).serverPort(broker.tcpPort()).simpleAuth().username(USER)
                .password(PASSWORD.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
        intruder.connect();
        intruder.disconnect();

        recorder.awaitAfter(base + "/status", takeover, WAIT, "offline"::equals);
        recorder.awaitAfter(base + "/status", takeover, WAIT, "online"::equals);
        Eventually.await(WAIT, "connected again", connection::connected);
    }

    @Test
    void stop_saysOfflineAndDisconnects_applySameSettings_keepsTheConnection() {
        String base = "stop-" + UUID.randomUUID();
        BrokerSettings settings = settings("  password: " + PASSWORD + "\n", base);
        connect(settings);
        Eventually.await(WAIT, "connected", connection::connected);
        var since = connection.status().since();

        connection.apply(settings("  password: " + PASSWORD + "\n  topic: other/topic\n  qos: 2\n", base));
        assertEquals(since, connection.status().since(), "no reconnect for unchanged connection settings");

        connection.stop();
        assertEquals("offline", recorder.awaitLatest(base + "/status", WAIT, "offline"::equals));
        assertEquals(ConnectionStatus.State.DISABLED, connection.status().state());
        connection.publish(new OutgoingMessage(base + "/ignored", "x", 0, false));
        assertEquals(0, connection.queueDepth(), "nothing is queued while disabled");
    }
}
