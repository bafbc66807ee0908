package io.streampulse.shared.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole {@code config.yaml}, one immutable record per section. The StreamPulse 2.2 top-level keys
 * ({@code heartbeat_seconds}, {@code timezone}, {@code streams}, {@code mqtt}) keep their meaning.
 */
public record SuiteConfig(
        int heartbeatSeconds,
        ZoneId timezone,
        List<StreamEntry> streams,
        MqttSection mqtt,
        MonitorSection monitor,
        YoLinkSection yolink,
        ReceiversSection receivers,
        Map<String, DeviceMapping> devices,
        StreamerSection streamer,
        RedisSection redis,
        WebSection web) {

    public static final int DEFAULT_HEARTBEAT_SECONDS = 20;
    public static final int MIN_HEARTBEAT_SECONDS = 5;

    /** The configuration of an empty file: every default. */
    public static SuiteConfig defaults() {
        return ConfigParser.parse("", Map.of(), SecretBox.unavailable("not needed for defaults")).config()
                .orElseThrow();
    }

    public Optional<StreamEntry> stream(String id) {
        return streams.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
