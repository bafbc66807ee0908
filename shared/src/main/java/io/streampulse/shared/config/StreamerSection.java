package io.streampulse.shared.config;

import java.util.List;
import java.util.Map;

/**
 * The dashboard camera. The yolink-chekt {@code .env} names (RTSP_PORT, RTSP_API_PORT, ONVIF_PORT, STREAM_NAME,
 * FRAME_RATE, WIDTH, HEIGHT, CYCLE_INTERVAL, ENABLE_ONVIF) override these keys; see {@link #read}.
 * {@code onvif_port} defaults to the HTTP API port (one listener) unless set. {@code onvif.discovery} (default on)
 * answers WS-Discovery probes on UDP {@code onvif.discovery_port} (3702, the standard port; tests move it);
 * ONVIF_DISCOVERY overrides it (test harnesses turn it off so no Hello leaves the machine).
 */
public record StreamerSection(
        int rtspPort,
        int apiPort,
        int onvifPort,
        String streamName,
        int frameRate,
        int width,
        int height,
        int cycleIntervalMs,
        boolean onvifEnabled,
        String onvifUsername,
        Secret onvifPassword,
        boolean discoveryEnabled,
        int discoveryPort) {

    /** The environment variables that override this section, in the seed's spelling. */
    public static final List<String> ENV_NAMES = List.of("RTSP_PORT", "RTSP_API_PORT", "ONVIF_PORT", "STREAM_NAME",
            "FRAME_RATE", "WIDTH", "HEIGHT", "CYCLE_INTERVAL", "ENABLE_ONVIF", "ONVIF_DISCOVERY");

    static StreamerSection read(NodeReader r, Map<String, String> env) {
        r.warnUnknown(NodeReader.keys("rtsp_port", "api_port", "onvif_port", "stream_name", "frame_rate", "width",
                "height", "cycle_interval_ms", "onvif"));
        NodeReader onvif = r.section("onvif");
        onvif.warnUnknown(NodeReader.keys("enabled", "username", "password", "discovery", "discovery_port"));
        StreamerEnv e = new StreamerEnv(env, r.problems());
        int apiPort = e.integer("RTSP_API_PORT", r.integer("api_port", 8080, 1, 65_535), 1, 65_535);
        int onvifPort = r.has("onvif_port") ? r.integer("onvif_port", apiPort, 1, 65_535) : apiPort;
        String streamName = e.string("STREAM_NAME", r.string("stream_name", "yolink-dashboard")).strip();
        if (!streamName.matches(STREAM_NAME_PATTERN)) {
            r.reject("stream_name", "'streamer.stream_name' must be 1-64 letters, digits, '.', '-' or '_' (got '"
                    + streamName + "')");
            streamName = "yolink-dashboard";
        }
        return new StreamerSection(
                e.integer("RTSP_PORT", r.integer("rtsp_port", 8554, 1, 65_535), 1, 65_535),
                apiPort,
                e.integer("ONVIF_PORT", onvifPort, 1, 65_535),
                streamName,
                e.integer("FRAME_RATE", r.integer("frame_rate", 1, 1, 30), 1, 30),
                e.integer("WIDTH", r.integer("width", 1920, 320, 3840), 320, 3840),
                e.integer("HEIGHT", r.integer("height", 1080, 240, 2160), 240, 2160),
                e.integer("CYCLE_INTERVAL", r.integer("cycle_interval_ms", 10_000, 1_000, 3_600_000), 1_000,
                        3_600_000),
                e.bool("ENABLE_ONVIF", onvif.bool("enabled", true)),
                onvif.string("username", ""),
                onvif.secret("password"),
                e.bool("ONVIF_DISCOVERY", onvif.bool("discovery", true)),
                onvif.integer("discovery_port", 3702, 1, 65_535));
    }

    private static final String STREAM_NAME_PATTERN = "[A-Za-z0-9._-]{1,64}";
}
