package io.streampulse.bridge.yolink.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.yolink.cloud.YoLinkDevice;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A device's new {@link DeviceState} from its previous one and one YoLink event or device-list entry (pure).
 * What a payload does not mention is carried over (a Report without {@code battery} keeps the battery); a
 * configuration echo ({@code DoorSensor.setOpenRemind}) only updates attributes and last-seen. The device is
 * online once heard from; OFFLINE and DOOR_PROP are raised by others and left as they were.
 */
public final class DeviceNormalizer {

    /** Causes this normalizer never decides: the device store (OFFLINE) and the alert engine (DOOR_PROP) own them. */
    private static final Set<AlertCause> NOT_OURS = EnumSet.of(AlertCause.OFFLINE, AlertCause.DOOR_PROP);

    private DeviceNormalizer() {
    }

    /**
     * @param previous   the device's state before this event, or null for a device not seen before
     * @param receivedAt when the message arrived (UTC ms), used only when the event carries no time
     */
    public static DeviceState apply(DeviceState previous, YoLinkEvent event, long receivedAt) {
        String type = event.type();
        DeviceKind kind = DeviceKinds.of(type);
        JsonNode data = stateBody(event.data());
        long seen = event.timeMillis() > 0 ? event.timeMillis() : receivedAt;
        long lastSeen = previous == null ? seen : Math.max(previous.lastSeenMillis(), seen);

        Map<String, String> attributes = new LinkedHashMap<>(previous == null ? Map.of() : previous.attributes());
        Attributes.flatten(data, "", attributes);
        attributes.put("last_event", event.eventName());

        String word = previous == null ? null : previous.state();
        Set<AlertCause> causes = EnumSet.noneOf(AlertCause.class);
        if (previous != null) {
            causes.addAll(previous.active());
        }
        causes.remove(AlertCause.OFFLINE);
        Integer battery = previous == null ? null : previous.batteryPercent();
        Integer signal = previous == null ? null : previous.signalDbm();
        Double temperature = previous == null ? null : previous.temperatureC();
        Double humidity = previous == null ? null : previous.humidityPercent();

        if (event.reportsState()) {
            Optional<StateReading> reading = StateReadings.read(kind, data);
            if (reading.isPresent()) {
                causes.removeIf(cause -> !NOT_OURS.contains(cause) && cause != AlertCause.LOW_BATTERY);
                causes.addAll(reading.get().causes());
                word = reading.get().word();
            }
            Optional<Boolean> low = BatteryLevel.low(data);
            if (low.isPresent()) {
                causes.remove(AlertCause.LOW_BATTERY);
                if (low.get()) {
                    causes.add(AlertCause.LOW_BATTERY);
                }
            }
            OptionalInt percent = BatteryLevel.percent(data);
            battery = percent.isPresent() ? Integer.valueOf(percent.getAsInt()) : battery;
            signal = integer(data.path("loraInfo").get("signal"), integer(data.get("signal"), signal));
            JsonNode measured = kind == DeviceKind.THERMOSTAT && data.path("state").isObject()
                    ? data.get("state") : data;
            temperature = number(measured.get("temperature"), temperature);
            humidity = number(measured.get("humidity"), humidity);
        }
        String name = previous == null ? event.deviceId() : previous.name();
        return new DeviceState(event.deviceId(), name, type, kind, word, causes, battery, signal, temperature,
                humidity, lastSeen, true, attributes);
    }

    /** A device-list entry: name, type and model for a device, keeping whatever its events told before. */
    public static DeviceState apply(DeviceState previous, YoLinkDevice device) {
        Map<String, String> attributes = new LinkedHashMap<>(previous == null ? Map.of() : previous.attributes());
        device.fields().forEach((key, value) -> {
            if (!Attributes.NEVER_KEPT.contains(key) && !"name".equals(key) && !"type".equals(key)
                    && !"deviceId".equals(key)) {
                attributes.put(key, value);
            }
        });
        String name = device.name() == null || device.name().isBlank() ? device.deviceId() : device.name();
        if (previous == null) {
            return new DeviceState(device.deviceId(), name, device.type(), DeviceKinds.of(device.type()), null,
                    Set.of(), null, null, null, null, 0, true, attributes);
        }
        return new DeviceState(device.deviceId(), name, device.type(), DeviceKinds.of(device.type()),
                previous.state(), previous.active(), previous.batteryPercent(), previous.signalDbm(),
                previous.temperatureC(), previous.humidityPercent(), previous.lastSeenMillis(), previous.online(),
                attributes);
    }

    /**
     * A getState answer nests the device's fields in {@code data.state} ({@code {"state":{"state":"closed",
     * "battery":4,..},"online":true}}); reports carry them directly. Nested bodies are unwrapped.
     */
    private static JsonNode stateBody(ObjectNode data) {
        JsonNode state = data.get("state");
        if (state == null || !state.isObject()
                || !(state.has("state") || state.has("battery") || state.has("loraInfo"))) {
            return data;
        }
        ObjectNode body = ((ObjectNode) state).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!"state".equals(field.getKey()) && !body.has(field.getKey())) {
                body.set(field.getKey(), field.getValue());
            }
        }
        return body;
    }

    private static Integer integer(JsonNode node, Integer otherwise) {
        return node != null && node.isNumber() ? Integer.valueOf(node.asInt()) : otherwise;
    }

    private static Double number(JsonNode node, Double otherwise) {
        return node != null && node.isNumber() ? Double.valueOf(node.asDouble()) : otherwise;
    }
}
