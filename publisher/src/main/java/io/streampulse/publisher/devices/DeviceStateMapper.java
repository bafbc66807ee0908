package io.streampulse.publisher.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.TreeSet;

/** The retained JSON on {@code <base>/devices/<id>/state} (pure); absent readings are null, alarms sorted. */
public final class DeviceStateMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeviceStateMapper() {
    }

    public static String toJson(DeviceReport report) {
        ObjectNode out = JSON.createObjectNode();
        out.put("name", report.name());
        out.put("type", report.type());
        out.put("state", report.state());
        var alarms = out.putArray("alarms");
        new TreeSet<>(report.alarms()).forEach(alarms::add);
        out.put("alarm", !report.alarms().isEmpty());
        out.set("battery", number(report.batteryPercent().isPresent() ? report.batteryPercent().getAsInt() : null));
        out.set("signal", number(report.signalDbm().isPresent() ? report.signalDbm().getAsInt() : null));
        out.set("temperature", number(report.temperatureC().isPresent() ? report.temperatureC().getAsDouble() : null));
        out.set("humidity", number(report.humidityPercent().isPresent()
                ? report.humidityPercent().getAsDouble() : null));
        out.put("last_seen", report.lastSeen().map(Object::toString).orElse(null));
        return out.toString();
    }

    private static JsonNode number(Number value) {
        return value == null ? NullNode.getInstance() : JSON.valueToTree(value);
    }
}
