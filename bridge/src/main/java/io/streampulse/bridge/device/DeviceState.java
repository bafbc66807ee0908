package io.streampulse.bridge.device;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.streampulse.bridge.alert.AlertCause;

import java.util.Map;
import java.util.Set;

/**
 * One device's normalized state, whatever YoLink event it came from.
 *
 * @param deviceId       YoLink's deviceId
 * @param name           the name in the YoLink app
 * @param type           YoLink's type name as reported ("DoorSensor", "COSmokeSensor", ...)
 * @param kind           what it is
 * @param state          the primary state in plain words: "open"/"closed", "motion"/"no_motion", "leak"/"dry",
 *                       "alarm"/"normal", "on"/"off", "locked"/"unlocked", ... (null when not reported yet)
 * @param active         alarm and trouble causes in force now (empty: all quiet)
 * @param batteryPercent 0–100 from YoLink's 0–4 scale (0, 25, 50, 75, 100), null for mains devices
 * @param signalDbm      LoRa signal strength
 * @param temperatureC   ambient temperature in °C where the device measures it (not the MCU temperature)
 * @param humidityPercent relative humidity where measured
 * @param lastSeenMillis UTC epoch ms of the newest event (from the event's own time)
 * @param online         false once not heard from within the type's threshold
 * @param attributes     every other field of the latest event, kept as text so nothing reported is lost
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record DeviceState(String deviceId, String name, String type, DeviceKind kind, String state,
                          Set<AlertCause> active, Integer batteryPercent, Integer signalDbm, Double temperatureC,
                          Double humidityPercent, long lastSeenMillis, boolean online,
                          Map<String, String> attributes) {

    public DeviceState {
        active = Set.copyOf(active);
        attributes = Map.copyOf(attributes);
    }
}
