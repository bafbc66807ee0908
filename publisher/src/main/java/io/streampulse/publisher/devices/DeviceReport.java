package io.streampulse.publisher.devices;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A YoLink sensor's state as the bridge (issue 5) will report it, already normalised: {@code state} is YoLink's
 * word ("open", "closed", "alert", "normal", ...), {@code alarms} the active alarm flags ("smoke", "gas",
 * "low_battery", ...), battery in percent (YoLink's 0-4 levels mapped by the bridge), signal in dBm.
 */
public record DeviceReport(
        String id,
        String name,
        String type,
        String state,
        Set<String> alarms,
        OptionalInt batteryPercent,
        OptionalInt signalDbm,
        OptionalDouble temperatureC,
        OptionalDouble humidityPercent,
        Optional<Instant> lastSeen) {
}
