package io.streampulse.publisher.devices;

import java.util.List;
import java.util.Map;

/**
 * Which Home Assistant entities a YoLink device type gets (pure), after HA's own YoLink integration: door on
 * "open"; motion and vibration on "alert"; leak on "alert" or "full"; smoke and CO from the alarm flags.
 */
public record DeviceKind(List<BinaryComponent> binaries, boolean climate) {

    /**
     * A binary_sensor: its key in the unique id, its name (null: the device's own name, for a sensor's main
     * entity), its device class, and the template that renders ON/OFF.
     */
    public record BinaryComponent(String key, String name, String deviceClass, String template) {
    }

    static final DeviceKind GENERIC = new DeviceKind(List.of(), false);

    private static final Map<String, DeviceKind> BY_TYPE = Map.of(
            "DoorSensor", binary("door", "door", "value_json.state == 'open'"),
            "GarageDoor", binary("door", "garage_door", "value_json.state == 'open'"),
            "MotionSensor", binary("motion", "motion", "value_json.state == 'alert'"),
            "VibrationSensor", binary("vibration", "vibration", "value_json.state == 'alert'"),
            "LeakSensor", binary("leak", "moisture", "value_json.state in ['alert', 'full']"),
            "MultiCapsLeakSensor", binary("leak", "moisture", "value_json.state in ['alert', 'full']"),
            "PowerFailureAlarm", binary("power", "power", "value_json.state != 'alert'"),
            "COSmokeSensor", smokeAndCo(),
            "SmokeAlarm", smokeAndCo(),
            "THSensor", new DeviceKind(List.of(), true));

    public static DeviceKind of(String yolinkType) {
        return BY_TYPE.getOrDefault(yolinkType, GENERIC);
    }

    private static DeviceKind binary(String key, String deviceClass, String condition) {
        return new DeviceKind(List.of(new BinaryComponent(key, null, deviceClass, onOff(condition))), false);
    }

    private static DeviceKind smokeAndCo() {
        return new DeviceKind(List.of(
                new BinaryComponent("smoke", "Smoke", "smoke", onOff("'smoke' in value_json.alarms")),
                new BinaryComponent("co", "Carbon monoxide", "carbon_monoxide", onOff("'gas' in value_json.alarms"))),
                false);
    }

    private static String onOff(String condition) {
        return "{{ 'ON' if " + condition + " else 'OFF' }}";
    }
}
