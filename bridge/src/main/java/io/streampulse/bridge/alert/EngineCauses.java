package io.streampulse.bridge.alert;

import io.streampulse.bridge.device.DeviceState;

import java.util.EnumSet;
import java.util.Set;

/**
 * The causes the engine raises itself (DOOR_PROP, OFFLINE) merged with what a device reports (pure). A report
 * means the device was heard: OFFLINE ends. DOOR_PROP lasts while the door stays open and ends when it closes;
 * a device can never raise either by itself.
 */
public final class EngineCauses {

    private EngineCauses() {
    }

    /** The state to keep after {@code report}, given the state before it (null: first report). */
    public static DeviceState merge(DeviceState previous, DeviceState report) {
        Set<AlertCause> active = EnumSet.noneOf(AlertCause.class);
        active.addAll(report.active());
        active.remove(AlertCause.OFFLINE);
        active.remove(AlertCause.DOOR_PROP);
        if (previous != null && previous.active().contains(AlertCause.DOOR_PROP)
                && active.contains(AlertCause.OPEN)) {
            active.add(AlertCause.DOOR_PROP);
        }
        return with(report, active, true);
    }

    /** {@code state} with {@code cause} added (online unchanged unless the cause is OFFLINE). */
    public static DeviceState raise(DeviceState state, AlertCause cause) {
        Set<AlertCause> active = EnumSet.noneOf(AlertCause.class);
        active.addAll(state.active());
        active.add(cause);
        return with(state, active, cause != AlertCause.OFFLINE && state.online());
    }

    private static DeviceState with(DeviceState s, Set<AlertCause> active, boolean online) {
        return new DeviceState(s.deviceId(), s.name(), s.type(), s.kind(), s.state(), active, s.batteryPercent(),
                s.signalDbm(), s.temperatureC(), s.humidityPercent(), s.lastSeenMillis(), online, s.attributes());
    }
}
