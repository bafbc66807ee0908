package io.streampulse.publisher.devices;

import java.util.List;
import java.util.Map;

/**
 * Which Home Assistant entities a YoLink device type gets (pure), after HA's own YoLink integration, in the
 * bridge's words (its DeviceState.state): door on "open", motion on "motion", vibration on "vibration", leak on
 * "leak", power lost on "power_failure"; smoke and CO from the active causes ("smoke", "co").
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
            "MotionSensor", binary("motion", "motion", "value_json.state == 'motion'"),
            "VibrationSensor", binary("vibration", "vibration", "value_json.state == 'vibration'"),
            "LeakSensor", binary("leak", "moisture", "value_json.state == 'leak'"),
            "MultiCapsLeakSensor", binary("leak", "moisture", "value_json.state == 'leak'"),
            "PowerFailureAlarm", binary("power", "power", "value_json.state != 'power_failure'"),
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
                new BinaryComponent("co", "Carbon monoxide", "carbon_monoxide", onOff("'co' in value_json.alarms"))),
                false);
    }

    private static String onOff(String condition) {
        return "{{ 'ON' if " + condition + " else 'OFF' }}";
    }
}
