package io.streampulse.publisher.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streampulse.publisher.discovery.DiscoveryPayloads;
import io.streampulse.publisher.discovery.HaDevice;
import io.streampulse.publisher.discovery.Origin;
import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.publisher.topics.TopicLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * Home Assistant discovery for one YoLink sensor (pure): the binary_sensor(s) of its type, battery and signal
 * sensors (signal as a diagnostic), temperature and humidity for climate sensors.
 */
public final class DeviceDiscoveryBuilder {

    static final String MANUFACTURER = "YoLink";

    private DeviceDiscoveryBuilder() {
    }

    public static List<OutgoingMessage> configs(TopicLayout layout, DeviceReport report, Origin origin, int qos) {
        HaDevice device = new HaDevice(layout.uniqueId("device", report.id()), report.name(), MANUFACTURER,
                report.type());
        String state = layout.deviceState(report.id());
        DeviceKind kind = DeviceKind.of(report.type());
        List<OutgoingMessage> out = new ArrayList<>();
        for (DeviceKind.BinaryComponent binary : kind.binaries()) {
            String id = layout.uniqueId(report.id(), binary.key());
            ObjectNode config = DiscoveryPayloads.entity(layout, id, binary.name(), state, binary.template(), device, origin);
            config.put("device_class", binary.deviceClass());
            config.put("json_attributes_topic", state);
            out.add(new OutgoingMessage(layout.discoveryConfig("binary_sensor", id), config.toString(), qos, true));
        }
        out.add(sensor(layout, report, device, origin, qos, "battery", "Battery", "battery", "%", false));
        out.add(sensor(layout, report, device, origin, qos, "signal", "Signal", "signal_strength", "dBm", true));
        if (kind.climate()) {
            out.add(sensor(layout, report, device, origin, qos, "temperature", "Temperature", "temperature", "°C",
                    false));
            out.add(sensor(layout, report, device, origin, qos, "humidity", "Humidity", "humidity", "%", false));
        }
        return out;
    }

    /** Empty retained configs for every entity the device had: Home Assistant removes them. */
    public static List<OutgoingMessage> removals(TopicLayout layout, DeviceReport report, int qos) {
        return configs(layout, report, new Origin("", "", ""), qos).stream()
                .map(config -> OutgoingMessage.removal(config.topic(), qos)).toList();
    }

    private static OutgoingMessage sensor(TopicLayout layout, DeviceReport report, HaDevice device, Origin origin,
                                          int qos, String field, String name, String deviceClass, String unit,
                                          boolean diagnostic) {
        String id = layout.uniqueId(report.id(), field);
        ObjectNode config = DiscoveryPayloads.entity(layout, id, name, layout.deviceState(report.id()),
                "{{ value_json." + field + " }}", device, origin);
        config.put("device_class", deviceClass);
        config.put("unit_of_measurement", unit);
        config.put("state_class", "measurement");
        if (diagnostic) {
            config.put("entity_category", "diagnostic");
        }
        return new OutgoingMessage(layout.discoveryConfig("sensor", id), config.toString(), qos, true);
    }
}
