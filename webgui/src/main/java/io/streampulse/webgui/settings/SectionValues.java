package io.streampulse.webgui.settings;

import io.streampulse.shared.config.MqttSection;
import io.streampulse.shared.config.ReceiversSection;
import io.streampulse.shared.config.Secret;
import io.streampulse.shared.config.StreamerSection;
import io.streampulse.shared.config.SuiteConfig;
import io.streampulse.shared.config.YoLinkSection;

import java.util.HashMap;
import java.util.Map;

/**
 * What each form shows for the config in force (pure), keyed by field key. A secret shows only whether one is
 * saved ({@link #SAVED}) and never its value, so no page can leak it.
 */
public final class SectionValues {

    /** The display value of a secret that is saved. */
    public static final String SAVED = "saved";

    private SectionValues() {
    }

    /**
     * @param onvifPortInFile whether the file sets {@code streamer.onvif_port}; when not, the field stays blank
     *                        (it follows the API port) so a save does not pin it
     */
    public static Map<String, String> of(String slug, SuiteConfig config, boolean onvifPortInFile) {
        Map<String, String> v = new HashMap<>();
        switch (slug) {
            case "mqtt" -> mqtt(v, config.mqtt());
            case "timezone" -> v.put("timezone", config.timezone().getId());
            case "yolink" -> yolink(v, config.yolink());
            case "chekt" -> chekt(v, config.receivers().chekt());
            case "sia" -> sia(v, config.receivers().sia());
            case "modbus" -> modbus(v, config.receivers().modbus());
            case "streamer" -> streamer(v, config.streamer(), onvifPortInFile);
            default -> throw new IllegalArgumentException("no settings section '" + slug + "'");
        }
        return v;
    }

    private static void mqtt(Map<String, String> v, MqttSection m) {
        v.put("enabled", str(m.enabled()));
        v.put("host", m.host());
        v.put("port", str(m.port()));
        v.put("ws_port", str(m.wsPort()));
        v.put("tls_port", str(m.tlsPort()));
        v.put("tls_ws_port", str(m.tlsWsPort()));
        v.put("use_tls", str(m.useTls()));
        v.put("use_websocket", str(m.useWebsocket()));
        v.put("tls_insecure", str(m.tlsInsecure()));
        v.put("ca_file", m.caFile().orElse(""));
        v.put("username", m.username());
        v.put("password", secret(m.password()));
        v.put("client_id", m.clientId().orElse(""));
        v.put("topic", m.topic());
        v.put("base_topic", m.baseTopic());
        v.put("qos", str(m.qos()));
        v.put("retain", str(m.retain()));
        v.put("interval_seconds", str(m.intervalSeconds()));
        v.put("protocol", m.protocol() == MqttSection.ProtocolVersion.V5 ? "5" : "3.1.1");
        v.put("keepalive_seconds", str(m.keepaliveSeconds()));
        v.put("discovery.enabled", str(m.discoveryEnabled()));
        v.put("discovery.prefix", m.discoveryPrefix());
    }

    private static void yolink(Map<String, String> v, YoLinkSection y) {
        v.put("uaid", y.uaid());
        v.put("secret_key", secret(y.secretKey()));
        v.put("api_url", y.apiUrl());
        v.put("mqtt_host", y.mqttHost());
        v.put("mqtt_port", str(y.mqttPort()));
        v.put("device_refresh_minutes", str(y.deviceRefreshMinutes()));
    }

    private static void chekt(Map<String, String> v, ReceiversSection.Chekt c) {
        v.put("enabled", str(c.enabled()));
        v.put("url", c.url());
        v.put("api_token", secret(c.apiToken()));
        v.put("timeout_seconds", str(c.timeoutSeconds()));
    }

    private static void sia(Map<String, String> v, ReceiversSection.Sia s) {
        v.put("enabled", str(s.enabled()));
        v.put("host", s.host());
        v.put("port", str(s.port()));
        v.put("transport", s.transport().name().toLowerCase());
        v.put("format", s.format() == ReceiversSection.Sia.Format.SIA_DCS ? "SIA-DCS" : "ADM-CID");
        v.put("account", s.account());
        v.put("receiver", s.receiver());
        v.put("line", s.line());
        v.put("key", secret(s.key()));
        v.put("supervision_seconds", str(s.supervisionSeconds()));
        v.put("timeout_seconds", str(s.timeoutSeconds()));
    }

    private static void modbus(Map<String, String> v, ReceiversSection.Modbus m) {
        v.put("enabled", str(m.enabled()));
        v.put("host", m.host());
        v.put("port", str(m.port()));
        v.put("unit_id", str(m.unitId()));
        v.put("channels", str(m.channels()));
        v.put("mode", m.mode().name().toLowerCase());
        v.put("pulse_ms", str(m.pulseMs()));
    }

    private static void streamer(Map<String, String> v, StreamerSection s, boolean onvifPortInFile) {
        v.put("rtsp_port", str(s.rtspPort()));
        v.put("api_port", str(s.apiPort()));
        v.put("onvif_port", onvifPortInFile ? str(s.onvifPort()) : "");
        v.put("stream_name", s.streamName());
        v.put("frame_rate", str(s.frameRate()));
        v.put("width", str(s.width()));
        v.put("height", str(s.height()));
        v.put("cycle_interval_ms", str(s.cycleIntervalMs()));
        v.put("onvif.enabled", str(s.onvifEnabled()));
        v.put("onvif.username", s.onvifUsername());
        v.put("onvif.password", secret(s.onvifPassword()));
    }

    private static String secret(Secret secret) {
        return secret.isEmpty() ? "" : SAVED;
    }

    private static String str(Object value) {
        return String.valueOf(value);
    }
}
