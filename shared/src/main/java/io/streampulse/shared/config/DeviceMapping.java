package io.streampulse.shared.config;

import java.util.List;
import java.util.Optional;

/** How one YoLink device (keyed by its deviceId) maps onto the receivers, and its door-prop timeout. */
public record DeviceMapping(
        String deviceId,
        String name,
        Optional<Integer> chektZone,
        Optional<Integer> siaZone,
        Optional<Integer> relayChannel,
        int doorPropSeconds,
        List<String> receivers) {

    public static final List<String> RECEIVER_NAMES = List.of("chekt", "sia", "modbus");

    static DeviceMapping read(String deviceId, NodeReader r, int relayChannels) {
        r.warnUnknown(NodeReader.keys("name", "chekt_zone", "sia_zone", "relay_channel", "door_prop_seconds",
                "receivers"));
        List<String> receivers = r.words("receivers", RECEIVER_NAMES);
        for (String receiver : receivers) {
            if (!RECEIVER_NAMES.contains(receiver)) {
                r.reject("receivers", "'" + r.path() + ".receivers' may list only chekt, sia and modbus (got '"
                        + receiver + "')");
            }
        }
        return new DeviceMapping(
                deviceId,
                r.string("name", ""),
                zone(r, "chekt_zone", 1, 9_999),
                zone(r, "sia_zone", 0, 9_999),
                zone(r, "relay_channel", 1, relayChannels),
                r.integer("door_prop_seconds", 0, 0, 86_400),
                receivers);
    }

    /** Absent, null, blank or "N/A" (yolink-chekt's spelling) mean "not mapped". */
    private static Optional<Integer> zone(NodeReader r, String key, int min, int max) {
        String raw = r.string(key, "").strip();
        if (raw.isEmpty() || raw.equalsIgnoreCase("N/A")) {
            return Optional.empty();
        }
        return Optional.of(r.integer(key, min, min, max));
    }
}
