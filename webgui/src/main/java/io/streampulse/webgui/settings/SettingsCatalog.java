package io.streampulse.webgui.settings;

import io.streampulse.shared.config.StreamerSection;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Every form of the settings page and every field in it (pure), after the shared config records (MqttSection,
 * YoLinkSection, ReceiversSection, StreamerSection) and the shared README's key table. The ranges repeat the
 * parser's so an error shows next to its field; the shared writer's validation stays the final word.
 */
public final class SettingsCatalog {

    private static final String TOPIC = "[^+#]+";
    private static final String TOPIC_MESSAGE = "Enter a topic without the wildcards + and #.";
    private static final String HTTP_URL = "https?://[^\\s]+";
    private static final String HTTP_URL_MESSAGE = "Enter an http:// or https:// URL.";
    private static final String HEX = "[0-9A-Fa-f]{1,6}";

    /** Every IANA zone the JVM knows, sorted: what {@code timezone} accepts. */
    public static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    public static final List<SettingsSection> SECTIONS = List.of(
            new SettingsSection("mqtt", "MQTT publisher", "mqtt",
                    "The broker the publisher sends stream states to (StreamPulse 2.2 keys, plus Home Assistant "
                            + "discovery).", "", List.of(
                    Field.bool("enabled", "Publish to MQTT"),
                    Field.text("host", "Broker host"),
                    Field.port("port", "Port (TCP)"),
                    Field.port("ws_port", "Port (WebSocket)"),
                    Field.port("tls_port", "Port (TLS)"),
                    Field.port("tls_ws_port", "Port (TLS WebSocket)"),
                    Field.bool("use_tls", "Use TLS"),
                    Field.bool("use_websocket", "Use WebSocket"),
                    Field.bool("tls_insecure", "Accept any TLS certificate (insecure)"),
                    Field.text("ca_file", "CA file").orBlank().hint("Path of a PEM file; blank: the system's CAs."),
                    Field.text("username", "Username").orBlank(),
                    Field.secret("password", "Password"),
                    Field.text("client_id", "Client id").orBlank().hint("Blank: generated."),
                    Field.text("topic", "Status topic").matching(TOPIC, TOPIC_MESSAGE),
                    Field.text("base_topic", "Base topic (per stream)").matching(TOPIC, TOPIC_MESSAGE),
                    Field.choice("qos", "QoS", List.of("0", "1", "2")),
                    Field.bool("retain", "Retain"),
                    Field.integer("interval_seconds", "Publish interval (seconds)", 5, 86_400),
                    Field.choice("protocol", "MQTT version", List.of("5", "3.1.1")),
                    Field.integer("keepalive_seconds", "Keepalive (seconds)", 5, 65_535),
                    Field.bool("discovery.enabled", "Home Assistant discovery"),
                    Field.text("discovery.prefix", "Discovery prefix").matching(TOPIC, TOPIC_MESSAGE))),
            new SettingsSection("timezone", "Time zone", "",
                    "How times are shown; history is stored in UTC.", "", List.of(
                    Field.choice("timezone", "Time zone", ZONES))),
            new SettingsSection("yolink", "YoLink cloud", "yolink",
                    "UAID and secret key from the YoLink app (Settings → Account → Advanced → User Access "
                            + "Credentials). The home id is read from the cloud.", "yolink", List.of(
                    Field.text("uaid", "UAID").orBlank(),
                    Field.secret("secret_key", "Secret key"),
                    Field.text("api_url", "API URL").matching(HTTP_URL, HTTP_URL_MESSAGE)
                            .hint("US https://api.yosmart.com, EU https://api-eu.yosmart.com"),
                    Field.text("mqtt_host", "MQTT host"),
                    Field.port("mqtt_port", "MQTT port"),
                    Field.integer("device_refresh_minutes", "Device list refresh (minutes)", 1, 10_080))),
            new SettingsSection("chekt", "CHEKT receiver", "receivers.chekt",
                    "The CHEKT bridge's local HTTP API.", "zone", List.of(
                    Field.bool("enabled", "Send to CHEKT"),
                    Field.text("url", "URL").matching(HTTP_URL, HTTP_URL_MESSAGE)
                            .hint("Without a path, /api/v1/events is added."),
                    Field.secret("api_token", "API token"),
                    Field.integer("timeout_seconds", "Timeout (seconds)", 1, 120))),
            new SettingsSection("sia", "SIA DC-09 receiver", "receivers.sia",
                    "An alarm receiver (central station, Home Assistant's SIA integration).", "zone", List.of(
                    Field.bool("enabled", "Send to the SIA receiver"),
                    Field.text("host", "Host").orBlank(),
                    Field.port("port", "Port"),
                    Field.choice("transport", "Transport", List.of("tcp", "udp")),
                    Field.choice("format", "Format", List.of("SIA-DCS", "ADM-CID")),
                    Field.text("account", "Account").orBlank()
                            .matching("[0-9A-Fa-f]{3,16}", "Use 3 to 16 hexadecimal characters."),
                    Field.text("receiver", "Receiver number (R)").matching(HEX, "Use 1 to 6 hexadecimal characters."),
                    Field.text("line", "Line number (L)").matching(HEX, "Use 1 to 6 hexadecimal characters."),
                    Field.secret("key", "Encryption key").matching("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64}",
                            "Use 32, 48 or 64 hexadecimal characters (AES-128/192/256).")
                            .hint("Hex; blank: unencrypted."),
                    Field.integer("supervision_seconds", "Supervision (seconds, 0 = off)", 0, 86_400),
                    Field.integer("timeout_seconds", "Timeout (seconds)", 1, 120))),
            new SettingsSection("modbus", "Modbus relays", "receivers.modbus",
                    "A Modbus TCP relay board; channel n is coil n−1.", "channel", List.of(
                    Field.bool("enabled", "Drive the relays"),
                    Field.text("host", "Host").orBlank(),
                    Field.port("port", "Port"),
                    Field.integer("unit_id", "Unit id", 0, 255),
                    Field.integer("channels", "Channels", 1, 256),
                    Field.choice("mode", "Mode", List.of("pulse", "follower")),
                    Field.integer("pulse_ms", "Pulse (ms)", 50, 60_000))),
            new SettingsSection("streamer", "Dashboard camera (streamer)", "streamer",
                    "The RTSP/ONVIF camera that shows the sensors. Environment variables win over these keys.",
                    "", List.of(
                    Field.port("rtsp_port", "RTSP port").env("RTSP_PORT"),
                    Field.port("api_port", "HTTP API port").env("RTSP_API_PORT"),
                    Field.port("onvif_port", "ONVIF port").orBlank().env("ONVIF_PORT")
                            .hint("Blank: the HTTP API port."),
                    Field.text("stream_name", "Stream name").env("STREAM_NAME")
                            .matching("[A-Za-z0-9._-]{1,64}", "Use 1 to 64 letters, digits, '.', '-' or '_'."),
                    Field.integer("frame_rate", "Frame rate (fps)", 1, 30).env("FRAME_RATE"),
                    Field.integer("width", "Width", 320, 3840).env("WIDTH"),
                    Field.integer("height", "Height", 240, 2160).env("HEIGHT"),
                    Field.integer("cycle_interval_ms", "Page cycle (ms)", 1_000, 3_600_000).env("CYCLE_INTERVAL"),
                    Field.bool("onvif.enabled", "ONVIF").env("ENABLE_ONVIF"),
                    Field.text("onvif.username", "ONVIF username").orBlank(),
                    Field.secret("onvif.password", "ONVIF password"))));

    static {
        List<String> envNames = SECTIONS.stream().flatMap(s -> s.fields().stream())
                .map(Field::envName).filter(n -> n != null).toList();
        if (!envNames.containsAll(StreamerSection.ENV_NAMES) || envNames.size() != StreamerSection.ENV_NAMES.size()) {
            throw new IllegalStateException("the streamer form must name every override in StreamerSection.ENV_NAMES");
        }
    }

    private SettingsCatalog() {
    }

    public static Optional<SettingsSection> section(String slug) {
        return SECTIONS.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }
}
