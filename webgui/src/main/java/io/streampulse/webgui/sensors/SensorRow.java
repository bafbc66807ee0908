package io.streampulse.webgui.sensors;

import io.streampulse.shared.config.DeviceMapping;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One line of the sensors page (pure): what the bridge knows of a device (absent when the bridge is down or does
 * not know it) beside its mapping from config.yaml (absent when it has none).
 */
public record SensorRow(String id, String name, Optional<BridgeDevice> device, Optional<DeviceMapping> mapping,
                        ZoneId zone) {

    /** The bridge's trouble causes (AlertCause.trouble()): supervision conditions, not alarms. */
    static final Set<String> TROUBLES = Set.of("LOW_BATTERY", "OFFLINE", "DEVICE_FAULT");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Every device the bridge lists or the config maps, by name. */
    public static List<SensorRow> merge(List<BridgeDevice> devices, Map<String, DeviceMapping> mappings,
                                        ZoneId zone) {
        Map<String, SensorRow> rows = new LinkedHashMap<>();
        for (BridgeDevice d : devices) {
            Optional<DeviceMapping> m = Optional.ofNullable(mappings.get(d.deviceId()));
            rows.put(d.deviceId(), new SensorRow(d.deviceId(), nameOf(d, m), Optional.of(d), m, zone));
        }
        mappings.forEach((id, m) -> rows.putIfAbsent(id, new SensorRow(id, m.name().isBlank() ? id : m.name(),
                Optional.empty(), Optional.of(m), zone)));
        List<SensorRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing((SensorRow r) -> r.name().toLowerCase()).thenComparing(SensorRow::id));
        return sorted;
    }

    private static String nameOf(BridgeDevice d, Optional<DeviceMapping> m) {
        if (d.name() != null && !d.name().isBlank()) {
            return d.name();
        }
        return m.map(DeviceMapping::name).filter(n -> !n.isBlank()).orElse(d.deviceId());
    }

    public String type() {
        return device.map(BridgeDevice::type).orElse("—");
    }

    public String state() {
        return device.map(d -> d.state() == null ? "unknown" : d.state()).orElse("—");
    }

    /**
     * The badge class: down while an alarm is active or the device is offline, degraded while only troubles (low
     * battery, device fault) are, else up; unknown without the bridge.
     */
    public String stateClass() {
        return device.map(d -> {
            if (!d.online() || d.activeCauses().stream().anyMatch(c -> !TROUBLES.contains(c))) {
                return "down";
            }
            return d.activeCauses().isEmpty() ? "up" : "degraded";
        }).orElse("unknown");
    }

    public String alarm() {
        return device.map(d -> String.join(", ", d.activeCauses())).orElse("");
    }

    public String battery() {
        return device.map(BridgeDevice::batteryPercent).map(b -> b + " %").orElse("—");
    }

    public boolean batteryLow() {
        return device.map(BridgeDevice::batteryPercent).map(b -> b <= 25).orElse(false);
    }

    public String signal() {
        return device.map(BridgeDevice::signalDbm).map(s -> s + " dBm").orElse("—");
    }

    public String lastSeen() {
        return device.filter(d -> d.lastSeenMillis() > 0)
                .map(d -> TIME.format(Instant.ofEpochMilli(d.lastSeenMillis()).atZone(zone))).orElse("—");
    }

    public String online() {
        return device.map(d -> d.online() ? "online" : "offline").orElse("—");
    }

    public String chektZone() {
        return mapping.flatMap(DeviceMapping::chektZone).map(String::valueOf).orElse("—");
    }

    public String siaZone() {
        return mapping.flatMap(DeviceMapping::siaZone).map(String::valueOf).orElse("—");
    }

    public String relayChannel() {
        return mapping.flatMap(DeviceMapping::relayChannel).map(String::valueOf).orElse("—");
    }

    public String receivers() {
        return mapping.map(m -> m.receivers().isEmpty() ? "none" : String.join(", ", m.receivers())).orElse("not mapped");
    }

    public String doorProp() {
        return mapping.filter(m -> m.doorPropSeconds() > 0).map(m -> m.doorPropSeconds() + " s").orElse("off");
    }
}
