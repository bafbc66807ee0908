package io.streampulse.streamer.feed;

import java.util.List;

/**
 * One sensor as the dashboard draws it: the streamer's own view of the bridge's device state (no bridge types).
 *
 * @param id             the device id
 * @param name           display name
 * @param kind           the bridge's DeviceKind name (DOOR, MOTION, LEAK, ...; GENERIC when unknown)
 * @param state          the primary state in plain words ("open", "no_motion", ...), null when not reported yet
 * @param alarms         alarm causes in force (OPEN, LEAK, SMOKE, ...): any of them puts the screen in alarm
 * @param troubles       trouble causes in force (LOW_BATTERY, OFFLINE, DEVICE_FAULT): shown on the card only
 * @param batteryPercent 0–100, null for mains devices
 * @param signalDbm      LoRa signal, null when unknown
 * @param temperatureC   ambient temperature, null where not measured
 * @param humidityPercent relative humidity, null where not measured
 * @param lastSeenMillis UTC epoch ms of the newest event, 0 when never
 * @param online         false once the bridge stopped hearing from it
 */
public record SensorCard(String id, String name, String kind, String state, List<String> alarms,
                         List<String> troubles, Integer batteryPercent, Integer signalDbm, Double temperatureC,
                         Double humidityPercent, long lastSeenMillis, boolean online) {

    public SensorCard {
        alarms = List.copyOf(alarms);
        troubles = List.copyOf(troubles);
    }

    public boolean inAlarm() {
        return !alarms.isEmpty();
    }

    /** The same sensor with its alarms cleared (a sensor the bridge stopped listing while held on screen). */
    public SensorCard withoutAlarms() {
        return new SensorCard(id, name, kind, state, List.of(), troubles, batteryPercent, signalDbm, temperatureC,
                humidityPercent, lastSeenMillis, online);
    }
}
