package io.streampulse.publisher.devices;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A YoLink sensor's state as the bridge reports it (its DeviceState), already normalised: {@code state} is the
 * bridge's word ("open", "closed", "motion", "leak", "alarm", "normal", ...), {@code alarms} the active causes in
 * lower case ("open", "smoke", "co", "low_battery", ...), battery in percent, signal in dBm.
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
