package io.streampulse.publisher.connection;

import io.streampulse.shared.config.ConfigParser;
import io.streampulse.shared.config.MqttSection;
import io.streampulse.shared.config.SecretBox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerSettingsTest {

    private static MqttSection mqtt(String yaml) {
        return ConfigParser.parse("mqtt:\n" + yaml, Map.of(), SecretBox.unavailable("test")).config().orElseThrow()
                .mqtt();
    }

    private static BrokerSettings settings(String yaml) {
        return BrokerSettings.from(mqtt(yaml), "cam-box", "streampulse/status", Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({
            "false, false, TCP, 1883",
            "true, false, TLS, 8883",
            "false, true, WEBSOCKET, 8000",
            "true, true, TLS_WEBSOCKET, 8884"})
    void from_tlsAndWebsocketFlags_pickStreamPulsesTransportAndPort(boolean tls, boolean ws, Transport transport,
                                                                   int port) {
        BrokerSettings s = settings("  host: broker.lan\n  use_tls: " + tls + "\n  use_websocket: " + ws + "\n");

        assertEquals(transport, s.transport());
        assertEquals(port, s.port());
    }

    @Test
    void from_noClientId_derivesAStableIdFromTheHostName() {
        assertEquals("streampulse-publisher-cam-box", settings("  host: b\n").clientId());
        assertEquals(settings("  host: b\n").clientId(), settings("  host: b\n").clientId(), "same on every start");
        assertEquals("streampulse-publisher-nvr-site-1", BrokerSettings.defaultClientId("nvr_site.1"));
        assertEquals("streampulse-publisher-local", BrokerSettings.defaultClientId(""));
    }

    @Test
    void from_configuredClientId_wins() {
        assertEquals("mine", settings("  client_id: mine\n").clientId());
    }

    @Test
    void equality_onlyTopicQosRetainOrIntervalChanged_meansNoReconnect() {
        BrokerSettings before = settings("  host: b\n  topic: a/b\n  qos: 0\n");
        BrokerSettings after = settings("  host: b\n  topic: c/d\n  qos: 2\n  retain: true\n  interval_seconds: 30\n");
        BrokerSettings moved = settings("  host: b\n  port: 1884\n");

        assertEquals(before, after);
        assertNotEquals(before, moved);
    }

    @Test
    void describe_showsSchemeHostPortAndProtocol_neverThePassword() {
        BrokerSettings s = settings("  host: b\n  use_tls: true\n  use_websocket: true\n  username: u\n"
                + "  password: hunter2\n  protocol: '3.1.1'\n");

        assertEquals("wss://b:8884/mqtt (MQTT 3.1.1)", s.describe());
        assertFalse(s.toString().contains("hunter2"), s.toString());
        assertTrue(s.password().value().equals("hunter2"));
    }
}
