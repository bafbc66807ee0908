package io.streampulse.bridge.store;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A device state as the fields of its Redis hash and back (pure). Absent readings are empty strings; each
 * attribute is its own field {@code attr.<name>}, so the hash is readable with {@code redis-cli HGETALL}.
 */
public final class DeviceHashCodec {

    static final String ATTRIBUTE_PREFIX = "attr.";

    private DeviceHashCodec() {
    }

    public static Map<String, String> encode(DeviceState s) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("device_id", s.deviceId());
        fields.put("name", text(s.name()));
        fields.put("type", text(s.type()));
        fields.put("kind", s.kind().name());
        fields.put("state", text(s.state()));
        fields.put("active", String.join(",", s.active().stream().sorted().map(Enum::name).toList()));
        fields.put("battery_percent", text(s.batteryPercent()));
        fields.put("signal_dbm", text(s.signalDbm()));
        fields.put("temperature_c", text(s.temperatureC()));
        fields.put("humidity_percent", text(s.humidityPercent()));
        fields.put("last_seen_millis", Long.toString(s.lastSeenMillis()));
        fields.put("online", Boolean.toString(s.online()));
        new TreeMap<>(s.attributes()).forEach((k, v) -> fields.put(ATTRIBUTE_PREFIX + k, v));
        return fields;
    }

    /** @throws IllegalArgumentException naming the field that is missing or malformed */
    public static DeviceState decode(Map<String, String> fields) {
        String id = required(fields, "device_id");
        try {
            Map<String, String> attributes = new TreeMap<>();
            fields.forEach((k, v) -> {
                if (k.startsWith(ATTRIBUTE_PREFIX)) {
                    attributes.put(k.substring(ATTRIBUTE_PREFIX.length()), v);
                }
            });
            return new DeviceState(id, nullable(fields.get("name")), nullable(fields.get("type")),
                    DeviceKind.valueOf(required(fields, "kind")), nullable(fields.get("state")),
                    causes(fields.getOrDefault("active", "")), integer(fields.get("battery_percent")),
                    integer(fields.get("signal_dbm")), decimal(fields.get("temperature_c")),
                    decimal(fields.get("humidity_percent")), Long.parseLong(required(fields, "last_seen_millis")),
                    Boolean.parseBoolean(required(fields, "online")), attributes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device " + id + ": " + e.getMessage(), e);
        }
    }

    private static Set<AlertCause> causes(String list) {
        Set<AlertCause> causes = EnumSet.noneOf(AlertCause.class);
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                causes.add(AlertCause.valueOf(name.strip()));
            }
        }
        return causes;
    }

    private static String required(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("field '" + key + "' is missing");
        }
        return value;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String nullable(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Integer integer(String value) {
        return nullable(value) == null ? null : Integer.valueOf(value);
    }

    private static Double decimal(String value) {
        return nullable(value) == null ? null : Double.valueOf(value);
    }
}
