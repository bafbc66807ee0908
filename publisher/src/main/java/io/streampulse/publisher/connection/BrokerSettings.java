package io.streampulse.publisher.connection;

import io.streampulse.shared.config.MqttSection;
import io.streampulse.shared.config.Secret;

import java.util.Optional;

/**
 * Everything that needs a new connection when it changes (pure). Two equal settings mean "keep the connection":
 * a hot reload that only touches topics, qos, retain or the interval does not reconnect.
 *
 * @param willTopic       our availability topic: the last will says {@code offline} there
 * @param subscriptions   topics we listen to (Home Assistant's birth message)
 */
public record BrokerSettings(
        String host,
        int port,
        Transport transport,
        MqttSection.ProtocolVersion protocol,
        String username,
        Secret password,
        String clientId,
        int keepaliveSeconds,
        boolean tlsInsecure,
        Optional<String> caFile,
        String willTopic,
        Optional<String> subscription) {

    static final String CLIENT_ID_PREFIX = "streampulse-publisher-";

    /**
     * The port follows StreamPulse 2.2: WebSocket takes {@code tls_ws_port} with TLS, else {@code ws_port}; plain
     * MQTT takes {@code tls_port} with TLS, else {@code port}.
     */
    public static BrokerSettings from(MqttSection mqtt, String hostName, String willTopic,
                                      Optional<String> subscription) {
        Transport transport = Transport.of(mqtt.useTls(), mqtt.useWebsocket());
        int port = switch (transport) {
            case TCP -> mqtt.port();
            case WEBSOCKET -> mqtt.wsPort();
            case TLS -> mqtt.tlsPort();
            case TLS_WEBSOCKET -> mqtt.tlsWsPort();
        };
        String clientId = mqtt.clientId().filter(id -> !id.isBlank()).orElseGet(() -> defaultClientId(hostName));
        return new BrokerSettings(mqtt.host(), port, transport, mqtt.protocol(), mqtt.username(), mqtt.password(),
                clientId, mqtt.keepaliveSeconds(), mqtt.tlsInsecure(), mqtt.caFile().filter(f -> !f.isBlank()),
                willTopic, subscription);
    }

    /**
     * Stable across restarts (StreamPulse drew a random id each start, which leaves ghost sessions on the broker):
     * "streampulse-publisher-" and the host name reduced to letters, digits and '-'.
     */
    public static String defaultClientId(String hostName) {
        String host = hostName == null ? "" : hostName.replaceAll("[^A-Za-z0-9-]", "-").replaceAll("-+", "-")
                .replaceAll("^-|-$", "");
        return CLIENT_ID_PREFIX + (host.isEmpty() ? "local" : host);
    }

    /** For logs and /health: "mqtts://broker.lan:8883 (MQTT 5)"; never the password. */
    public String describe() {
        String path = transport.webSocket() ? "/" + Transport.WEBSOCKET_PATH : "";
        return transport.scheme() + "://" + host + ":" + port + path + " (MQTT "
                + (protocol == MqttSection.ProtocolVersion.V5 ? "5" : "3.1.1") + ")";
    }
}
