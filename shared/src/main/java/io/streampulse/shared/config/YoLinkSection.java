package io.streampulse.shared.config;

/** YoLink cloud credentials and endpoints (US by default; EU users change {@code api_url} and {@code mqtt_host}). */
public record YoLinkSection(
        String uaid,
        Secret secretKey,
        String apiUrl,
        String mqttHost,
        int mqttPort,
        int deviceRefreshMinutes) {

    static YoLinkSection read(NodeReader r) {
        r.warnUnknown(NodeReader.keys("uaid", "secret_key", "api_url", "mqtt_host", "mqtt_port",
                "device_refresh_minutes"));
        return new YoLinkSection(
                r.string("uaid", ""),
                r.secret("secret_key"),
                r.string("api_url", "https://api.yosmart.com"),
                r.string("mqtt_host", "api.yosmart.com"),
                r.integer("mqtt_port", 8003, 1, 65_535),
                r.integer("device_refresh_minutes", 60, 1, 10_080));
    }

    public boolean configured() {
        return !uaid.isBlank() && !secretKey.isEmpty();
    }
}
