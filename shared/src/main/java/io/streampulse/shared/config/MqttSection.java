package io.streampulse.shared.config;

import java.util.Map;
import java.util.Optional;

/**
 * The publisher's broker settings: StreamPulse 2.2's {@code mqtt} keys with their meaning unchanged, plus the
 * per-stream topics, Home Assistant discovery and TLS options it lacked.
 */
public record MqttSection(
        boolean enabled,
        String host,
        int port,
        int wsPort,
        int tlsPort,
        int tlsWsPort,
        boolean useTls,
        boolean useWebsocket,
        String username,
        Secret password,
        Optional<String> clientId,
        String topic,
        int qos,
        boolean retain,
        int intervalSeconds,
        String baseTopic,
        boolean discoveryEnabled,
        String discoveryPrefix,
        boolean tlsInsecure,
        Optional<String> caFile,
        ProtocolVersion protocol,
        int keepaliveSeconds) {

    public enum ProtocolVersion { V3_1_1, V5 }

    public static final String DEFAULT_TOPIC = "stream_monitor/status";
    public static final int MIN_INTERVAL_SECONDS = 5;

    static MqttSection read(NodeReader r) {
        r.warnUnknown(NodeReader.keys("enabled", "host", "port", "ws_port", "tls_port", "tls_ws_port", "use_tls",
                "use_websocket", "username", "password", "client_id", "topic", "qos", "retain", "interval_seconds",
                "base_topic", "discovery", "tls_insecure", "ca_file", "protocol", "keepalive_seconds",
                "api_status_url"));
        NodeReader discovery = r.section("discovery");
        discovery.warnUnknown(NodeReader.keys("enabled", "prefix"));
        return new MqttSection(
                r.bool("enabled", false),
                r.string("host", "localhost"),
                r.integer("port", 1883, 1, 65_535),
                r.integer("ws_port", 8000, 1, 65_535),
                r.integer("tls_port", 8883, 1, 65_535),
                r.integer("tls_ws_port", 8884, 1, 65_535),
                r.bool("use_tls", false),
                r.bool("use_websocket", false),
                r.string("username", ""),
                r.secret("password"),
                r.optionalString("client_id"),
                topicName(r, "topic", DEFAULT_TOPIC),
                r.integer("qos", 0, 0, 2),
                r.bool("retain", false),
                r.integerAtLeast("interval_seconds", 10, MIN_INTERVAL_SECONDS, 86_400),
                topicName(r, "base_topic", "streampulse"),
                discovery.bool("enabled", true),
                topicName(discovery, "prefix", "homeassistant"),
                r.bool("tls_insecure", false),
                r.optionalString("ca_file"),
                r.choice("protocol", ProtocolVersion.V5,
                        Map.of("5", ProtocolVersion.V5, "3.1.1", ProtocolVersion.V3_1_1)),
                r.integer("keepalive_seconds", 60, 5, 65_535));
    }

    /** A topic we publish under: the MQTT client refuses wildcards there, so the file is refused instead. */
    private static String topicName(NodeReader r, String key, String fallback) {
        String topic = r.string(key, fallback);
        String keyPath = r.path().isEmpty() ? key : r.path() + "." + key;
        if (topic.isEmpty()) {
            r.reject(key, "'" + keyPath + "' must not be empty");
            return fallback;
        }
        if (topic.contains("+") || topic.contains("#")) {
            r.reject(key, "'" + keyPath + "' must be a topic name without the wildcards + and # (got '"
                    + topic + "')");
            return fallback;
        }
        return topic;
    }
}
