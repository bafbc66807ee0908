package io.streampulse.bridge.alert;

import io.streampulse.bridge.device.DeviceState;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The alert events between two states of one device (pure): a cause entering {@code active} is an alarm (or a
 * trouble), a cause leaving it is its restore; a report that changes no cause fires nothing. Restores come
 * before alarms, each group in {@link AlertCause} order, so the output is deterministic.
 */
public final class EdgeDetector {

    /** {@code values()} copies the array on every call; this runs for every report. */
    private static final AlertCause[] CAUSES = AlertCause.values();

    private EdgeDetector() {
    }

    /**
     * @param previous null for a device never seen before (every active cause is then an alarm)
     * @param atMillis when the change happened; part of each event's id
     */
    public static List<AlertEvent> edges(DeviceState previous, DeviceState next, long atMillis) {
        Set<AlertCause> before = previous == null ? Set.of() : previous.active();
        List<AlertEvent> events = new ArrayList<>();
        for (AlertCause cause : CAUSES) {
            if (before.contains(cause) && !next.active().contains(cause)) {
                events.add(event(next, cause, true, atMillis));
            }
        }
        for (AlertCause cause : CAUSES) {
            if (!before.contains(cause) && next.active().contains(cause)) {
                events.add(event(next, cause, false, atMillis));
            }
        }
        return events;
    }

    /** "&lt;device&gt;/&lt;CAUSE&gt;/alarm|restore/&lt;ms&gt;": the same edge always gets the same id. */
    public static String id(String deviceId, AlertCause cause, boolean restore, long atMillis) {
        return deviceId + "/" + cause + "/" + (restore ? "restore" : "alarm") + "/" + atMillis;
    }

    private static AlertEvent event(DeviceState state, AlertCause cause, boolean restore, long atMillis) {
        return new AlertEvent(id(state.deviceId(), cause, restore, atMillis), state.deviceId(), state.name(),
                state.kind(), cause, restore, atMillis);
    }
}
