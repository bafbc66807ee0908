package io.streampulse.shared.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where the bridge delivers alarms: a CHEKT bridge, a SIA DC-09 receiver and a Modbus TCP relay board. */
public record ReceiversSection(Chekt chekt, Sia sia, Modbus modbus) {

    public record Chekt(boolean enabled, String url, Secret apiToken, int timeoutSeconds) {
    }

    public record Sia(
            boolean enabled,
            String host,
            int port,
            Transport transport,
            Format format,
            String account,
            String receiver,
            String line,
            Secret key,
            int supervisionSeconds,
            int timeoutSeconds) {

        public enum Transport { TCP, UDP }

        public enum Format { SIA_DCS, ADM_CID }
    }

    public record Modbus(boolean enabled, String host, int port, int unitId, int channels, Mode mode, int pulseMs) {

        public enum Mode { PULSE, FOLLOWER }
    }

    static ReceiversSection read(NodeReader r) {
        r.warnUnknown(NodeReader.keys("chekt", "sia", "modbus"));
        return new ReceiversSection(readChekt(r.section("chekt")), readSia(r.section("sia")),
                readModbus(r.section("modbus")));
    }

    private static Chekt readChekt(NodeReader r) {
        r.warnUnknown(NodeReader.keys("enabled", "url", "api_token", "timeout_seconds"));
        return new Chekt(r.bool("enabled", false), r.string("url", "http://127.0.0.1:30003"),
                r.secret("api_token"), r.integer("timeout_seconds", 5, 1, 120));
    }

    private static Sia readSia(NodeReader r) {
        r.warnUnknown(NodeReader.keys("enabled", "host", "port", "transport", "format", "account", "receiver",
                "line", "key", "supervision_seconds", "timeout_seconds"));
        Map<String, Sia.Format> formats = new LinkedHashMap<>();
        formats.put("SIA-DCS", Sia.Format.SIA_DCS);
        formats.put("ADM-CID", Sia.Format.ADM_CID);
        String account = r.string("account", "");
        if (!account.isEmpty() && !account.matches("[0-9A-Fa-f]{3,16}")) {
            r.reject("account", "'" + r.path() + ".account' must be 3-16 hexadecimal characters (got '" + account
                    + "')");
        }
        Secret key = r.secret("key");
        if (!key.isEmpty() && !key.value().matches("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64}")) {
            r.reject("key", "'" + r.path() + ".key' must be 32, 48 or 64 hexadecimal characters (AES-128/192/256)");
        }
        return new Sia(
                r.bool("enabled", false),
                r.string("host", ""),
                r.integer("port", 12_000, 1, 65_535),
                r.choice("transport", Sia.Transport.TCP, Map.of("tcp", Sia.Transport.TCP, "udp", Sia.Transport.UDP)),
                r.choice("format", Sia.Format.SIA_DCS, formats),
                account,
                r.string("receiver", "0"),
                r.string("line", "0"),
                key,
                r.integer("supervision_seconds", 60, 0, 86_400),
                r.integer("timeout_seconds", 10, 1, 120));
    }

    private static Modbus readModbus(NodeReader r) {
        r.warnUnknown(NodeReader.keys("enabled", "host", "port", "unit_id", "channels", "mode", "pulse_ms"));
        return new Modbus(
                r.bool("enabled", false),
                r.string("host", ""),
                r.integer("port", 502, 1, 65_535),
                r.integer("unit_id", 1, 0, 255),
                r.integer("channels", 16, 1, 256),
                r.choice("mode", Modbus.Mode.PULSE, Map.of("pulse", Modbus.Mode.PULSE,
                        "follower", Modbus.Mode.FOLLOWER)),
                r.integer("pulse_ms", 1_000, 50, 60_000));
    }
}
