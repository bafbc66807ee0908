package io.streampulse.bridge.yolink.events;

import io.streampulse.bridge.device.DeviceKind;

import java.util.Map;

/** YoLink type names folded into {@link DeviceKind}s (pure); an unknown type is GENERIC, never dropped. */
public final class DeviceKinds {

    private static final Map<String, DeviceKind> BY_TYPE = Map.ofEntries(
            Map.entry("DoorSensor", DeviceKind.DOOR),
            Map.entry("MotionSensor", DeviceKind.MOTION),
            Map.entry("LeakSensor", DeviceKind.LEAK),
            Map.entry("MultiCapsLeakSensor", DeviceKind.LEAK),
            Map.entry("VibrationSensor", DeviceKind.VIBRATION),
            Map.entry("THSensor", DeviceKind.TEMPERATURE_HUMIDITY),
            Map.entry("COSmokeSensor", DeviceKind.SMOKE_CO),
            Map.entry("SmokeAlarm", DeviceKind.SMOKE_CO),
            Map.entry("PowerFailureAlarm", DeviceKind.POWER_FAILURE),
            Map.entry("Outlet", DeviceKind.OUTLET),
            Map.entry("MultiOutlet", DeviceKind.OUTLET),
            Map.entry("Switch", DeviceKind.SWITCH),
            Map.entry("Lock", DeviceKind.LOCK),
            Map.entry("LockV2", DeviceKind.LOCK),
            Map.entry("Siren", DeviceKind.SIREN),
            Map.entry("GarageDoor", DeviceKind.GARAGE_DOOR),
            Map.entry("Thermostat", DeviceKind.THERMOSTAT),
            Map.entry("Hub", DeviceKind.HUB),
            Map.entry("SpeakerHub", DeviceKind.HUB));

    private DeviceKinds() {
    }

    public static DeviceKind of(String type) {
        return type == null ? DeviceKind.GENERIC : BY_TYPE.getOrDefault(type, DeviceKind.GENERIC);
    }
}
