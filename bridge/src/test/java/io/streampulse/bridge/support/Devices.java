package io.streampulse.bridge.support;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;

import java.util.Map;
import java.util.Set;

/** Device reports as the YoLink client will produce them. */
public final class Devices {

    private Devices() {
    }

    public static DeviceState door(String id, boolean open, long atMillis) {
        return new DeviceState(id, "Door " + id, "DoorSensor", DeviceKind.DOOR, open ? "open" : "closed",
                open ? Set.of(AlertCause.OPEN) : Set.of(), 100, -70, null, null, atMillis, true,
                Map.of("alertType", "normal"));
    }

    public static DeviceState leak(String id, boolean wet, long atMillis) {
        return new DeviceState(id, "Leak " + id, "LeakSensor", DeviceKind.LEAK, wet ? "alert" : "normal",
                wet ? Set.of(AlertCause.LEAK) : Set.of(), 75, -80, 21.5, null, atMillis, true, Map.of());
    }

    public static DeviceState hub(String id, long atMillis) {
        return new DeviceState(id, "Hub " + id, "Hub", DeviceKind.HUB, "online", Set.of(), null, null, null, null,
                atMillis, true, Map.of());
    }
}
