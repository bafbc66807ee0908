package io.streampulse.bridge.yolink;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a YoLink device counts as offline (pure): not heard from within its kind's expected report interval, after
 * YoLink's own device classes (anchors §4.2, yolink-api {@code device_helper.py}): battery sensors (class A/D)
 * report at least every 9 h, mains devices (class C) every 70 min, hubs every 10 min. A device never heard from
 * is measured from when we started watching, so a restart does not mark every device offline at once.
 */
public final class OnlinePolicy {

    public static final Duration BATTERY_SENSOR = Duration.ofHours(9);
    public static final Duration MAINS_DEVICE = Duration.ofMinutes(70);
    public static final Duration HUB = Duration.ofMinutes(10);

    private static final Set<DeviceKind> MAINS = EnumSet.of(DeviceKind.OUTLET, DeviceKind.SWITCH, DeviceKind.SIREN,
            DeviceKind.GARAGE_DOOR, DeviceKind.THERMOSTAT);

    private OnlinePolicy() {
    }

    /** The longest a healthy device of this kind stays silent; unknown kinds get the battery sensors' 9 h. */
    public static Duration expectedInterval(DeviceKind kind) {
        if (kind == DeviceKind.HUB) {
            return HUB;
        }
        return MAINS.contains(kind) ? MAINS_DEVICE : BATTERY_SENSOR;
    }

    /** The instant (UTC ms) the device goes offline unless heard from before. */
    public static long offlineAtMillis(DeviceState device, long watchingSinceMillis) {
        long reference = Math.max(device.lastSeenMillis(), watchingSinceMillis);
        return reference + expectedInterval(device.kind()).toMillis();
    }

    public static boolean online(DeviceState device, long nowMillis, long watchingSinceMillis) {
        return nowMillis <= offlineAtMillis(device, watchingSinceMillis);
    }

    /** The device with {@code online} and the OFFLINE cause set as of {@code nowMillis}; the same object if unchanged. */
    public static DeviceState evaluate(DeviceState device, long nowMillis, long watchingSinceMillis) {
        boolean online = online(device, nowMillis, watchingSinceMillis);
        if (online == device.online() && online != device.active().contains(AlertCause.OFFLINE)) {
            return device;
        }
        Set<AlertCause> active = EnumSet.noneOf(AlertCause.class);
        active.addAll(device.active());
        if (online) {
            active.remove(AlertCause.OFFLINE);
        } else {
            active.add(AlertCause.OFFLINE);
        }
        return new DeviceState(device.deviceId(), device.name(), device.type(), device.kind(), device.state(), active,
                device.batteryPercent(), device.signalDbm(), device.temperatureC(), device.humidityPercent(),
                device.lastSeenMillis(), online, device.attributes());
    }
}
