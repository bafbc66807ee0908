package io.streampulse.bridge.yolink.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.device.DeviceKind;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a payload's {@code state} (and a THSensor's {@code alarm}) means per kind of device (pure), after
 * Home Assistant's YoLink mapping (anchors §4.2): door on ⇔ open, motion/vibration on ⇔ alert, leak on ⇔
 * alert|full, smoke ⇔ state.smokeAlarm, CO ⇔ state.gasAlarm. Empty when the payload says nothing about it.
 */
final class StateReadings {

    private StateReadings() {
    }

    static Optional<StateReading> read(DeviceKind kind, JsonNode data) {
        JsonNode state = data.get("state");
        boolean hasState = state != null && !state.isNull();
        if (kind == DeviceKind.TEMPERATURE_HUMIDITY) {
            return hasState || data.has("alarm") ? Optional.of(temperatureHumidity(state, data.path("alarm")))
                    : Optional.empty();
        }
        if (!hasState) {
            return Optional.empty();
        }
        String text = state.isValueNode() ? state.asText().toLowerCase(Locale.ROOT) : null;
        return Optional.of(switch (kind) {
            case DOOR -> switch (String.valueOf(text)) {
                case "open" -> StateReading.of("open", AlertCause.OPEN);
                case "error" -> StateReading.of("error", AlertCause.DEVICE_FAULT);
                default -> StateReading.of(text);
            };
            case MOTION -> alertOrNormal(text, "motion", "no_motion", AlertCause.MOTION);
            case VIBRATION -> alertOrNormal(text, "vibration", "normal", AlertCause.VIBRATION);
            case LEAK -> "full".equals(text) ? StateReading.of("leak", AlertCause.LEAK)
                    : alertOrNormal(text, "leak", "dry", AlertCause.LEAK);
            case POWER_FAILURE -> alertOrNormal(text, "power_failure", "normal", AlertCause.POWER_FAILURE);
            case SMOKE_CO -> smokeCo(state, text);
            case SIREN -> StateReading.of("alert".equals(text) ? "sounding" : text);
            case OUTLET, SWITCH -> StateReading.of(onOff(state));
            case LOCK -> StateReading.of(text != null ? text : textOrNull(state.get("lock")));
            case THERMOSTAT -> StateReading.of(text != null ? text : textOrNull(state.get("mode")));
            default -> StateReading.of(text);
        });
    }

    private static StateReading alertOrNormal(String text, String alarmWord, String normalWord, AlertCause cause) {
        if ("alert".equals(text)) {
            return StateReading.of(alarmWord, cause);
        }
        return StateReading.of("normal".equals(text) ? normalWord : text);
    }

    private static StateReading temperatureHumidity(JsonNode state, JsonNode alarm) {
        Set<AlertCause> causes = EnumSet.noneOf(AlertCause.class);
        if (flag(alarm, "highTemp")) {
            causes.add(AlertCause.HIGH_TEMPERATURE);
        }
        if (flag(alarm, "lowTemp")) {
            causes.add(AlertCause.LOW_TEMPERATURE);
        }
        String word = !causes.isEmpty() ? "alarm"
                : state != null && state.isValueNode() ? state.asText().toLowerCase(Locale.ROOT) : "normal";
        return new StateReading(word, causes);
    }

    /** COSmokeSensor: an object of flags; SmokeAlarm may send a plain "alert"/"normal". */
    private static StateReading smokeCo(JsonNode state, String text) {
        if (text != null) {
            return alertOrNormal(text, "alarm", "normal", AlertCause.SMOKE);
        }
        Set<AlertCause> causes = EnumSet.noneOf(AlertCause.class);
        if (flag(state, "smokeAlarm")) {
            causes.add(AlertCause.SMOKE);
        }
        if (flag(state, "gasAlarm")) {
            causes.add(AlertCause.CO);
        }
        if (flag(state, "highTempAlarm")) {
            causes.add(AlertCause.HIGH_TEMPERATURE);
        }
        boolean alarm = !causes.isEmpty();
        if (flag(state, "unexpected")) {
            causes.add(AlertCause.DEVICE_FAULT);
        }
        return new StateReading(alarm ? "alarm" : causes.isEmpty() ? "normal" : "fault", causes);
    }

    /** Outlets and switches say "open" for on and "closed" for off; a MultiOutlet sends one per channel. */
    private static String onOff(JsonNode state) {
        if (state.isArray()) {
            for (JsonNode channel : state) {
                if ("on".equals(onOff(channel))) {
                    return "on";
                }
            }
            return "off";
        }
        String text = state.asText().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "open", "on" -> "on";
            case "closed", "close", "off" -> "off";
            default -> text;
        };
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && (value.asBoolean(false) || "true".equalsIgnoreCase(value.asText()));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText().toLowerCase(Locale.ROOT);
    }
}
