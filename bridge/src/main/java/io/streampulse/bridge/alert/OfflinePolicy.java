package io.streampulse.bridge.alert;

import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;

import java.time.Duration;

/**
 * How long a device may stay silent before it counts as offline (pure), from YoLink's own heuristics
 * (anchors §4: battery sensors report at least every 9 h, mains devices every 70 min, hubs every 10 min).
 */
public final class OfflinePolicy {

    public static final Duration BATTERY_SENSOR = Duration.ofHours(9);
    public static final Duration MAINS_DEVICE = Duration.ofMinutes(70);
    public static final Duration HUB = Duration.ofMinutes(10);

    private OfflinePolicy() {
    }

    public static Duration threshold(DeviceKind kind) {
        return switch (kind) {
            case HUB -> HUB;
            case OUTLET, SWITCH, SIREN, GARAGE_DOOR, THERMOSTAT -> MAINS_DEVICE;
            default -> BATTERY_SENSOR;
        };
    }

    /**
     * Online, heard at least once, and silent for longer than its kind allows at {@code nowMillis}. Silence is
     * counted from {@code listeningSinceMillis} at the earliest: a report sent while the bridge was not running
     * was missed, not absent.
     */
    public static boolean overdue(DeviceState state, long nowMillis, long listeningSinceMillis) {
        return state.online() && state.lastSeenMillis() > 0
                && nowMillis - Math.max(state.lastSeenMillis(), listeningSinceMillis)
                > threshold(state.kind()).toMillis();
    }
}
