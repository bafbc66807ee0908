package io.streampulse.bridge.chekt;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.device.DeviceKind;

/**
 * The {@code event_description} CHEKT shows for an alarm, restore or trouble (pure). yolink-chekt sent "Door
 * opened" for everything and no restores at all (its bugs 2 and 3); here the cause picks the words, the kind only
 * tells a door from a garage door or another contact, and every cause has its restore text.
 */
public final class ChektEventText {

    /** What the "send test" button posts. */
    public static final String TEST = "Test event from StreamPulse";

    private ChektEventText() {
    }

    /** The text with the device's name appended when it has one: "Door opened (Front door)". */
    public static String forEvent(AlertEvent event) {
        String text = describe(event.kind(), event.cause(), event.restore());
        String name = event.deviceName() == null ? "" : event.deviceName().strip();
        return name.isEmpty() ? text : text + " (" + name + ")";
    }

    public static String describe(DeviceKind kind, AlertCause cause, boolean restore) {
        return switch (cause) {
            case OPEN -> contact(kind) + (restore ? " closed" : " opened");
            case MOTION -> restore ? "Motion cleared" : "Motion detected";
            case LEAK -> restore ? "Leak cleared" : "Water leak detected";
            case VIBRATION -> restore ? "Vibration cleared" : "Vibration detected";
            case SMOKE -> restore ? "Smoke cleared" : "Smoke detected";
            case CO -> restore ? "Carbon monoxide cleared" : "Carbon monoxide detected";
            case HIGH_TEMPERATURE -> restore ? "Temperature back to normal" : "High temperature";
            case LOW_TEMPERATURE -> restore ? "Temperature back to normal" : "Low temperature";
            case POWER_FAILURE -> restore ? "Power restored" : "Power failure";
            case DOOR_PROP -> restore ? "Propped door closed" : "Door propped open";
            case LOW_BATTERY -> restore ? "Battery restored" : "Trouble: low battery";
            case OFFLINE -> restore ? "Sensor back online" : "Trouble: sensor offline";
            case DEVICE_FAULT -> restore ? "Sensor fault cleared" : "Trouble: sensor fault";
        };
    }

    private static String contact(DeviceKind kind) {
        if (kind == null) {
            return "Contact";
        }
        return switch (kind) {
            case DOOR, LOCK -> "Door";
            case GARAGE_DOOR -> "Garage door";
            default -> "Contact";
        };
    }
}
