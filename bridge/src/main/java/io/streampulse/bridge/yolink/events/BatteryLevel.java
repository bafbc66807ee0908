package io.streampulse.bridge.yolink.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * YoLink's battery scale 0–4 (pure): 0 → 0 %, then 25/50/75/100 % as Home Assistant shows it; level 1 or below is
 * low. Low battery is also what a THSensor's {@code alarm.lowBattery} or a detector's {@code state.sLowBattery} says.
 */
final class BatteryLevel {

    static final int LOW_LEVEL = 1;

    private BatteryLevel() {
    }

    static OptionalInt percent(JsonNode data) {
        OptionalInt level = level(data);
        return level.isPresent() ? OptionalInt.of(level.getAsInt() * 25) : OptionalInt.empty();
    }

    /** Empty when the payload says nothing about the battery. */
    static Optional<Boolean> low(JsonNode data) {
        OptionalInt level = level(data);
        JsonNode alarm = data.get("alarm");
        JsonNode state = data.get("state");
        boolean flagged = StateReadings.flag(alarm, "lowBattery") || StateReadings.flag(state, "sLowBattery");
        boolean known = level.isPresent() || (alarm != null && alarm.has("lowBattery"))
                || (state != null && state.has("sLowBattery"));
        if (!known) {
            return Optional.empty();
        }
        return Optional.of(flagged || (level.isPresent() && level.getAsInt() <= LOW_LEVEL));
    }

    private static OptionalInt level(JsonNode data) {
        JsonNode battery = data.get("battery");
        if (battery == null || !(battery.isIntegralNumber() || battery.isTextual())) {
            return OptionalInt.empty();
        }
        int level;
        try {
            level = battery.isTextual() ? Integer.parseInt(battery.asText().trim()) : battery.asInt();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
        return level >= 0 && level <= 4 ? OptionalInt.of(level) : OptionalInt.empty();
    }
}
