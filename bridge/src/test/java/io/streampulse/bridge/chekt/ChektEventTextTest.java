package io.streampulse.bridge.chekt;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.device.DeviceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ChektEventTextTest {

    @ParameterizedTest(name = "{0} {1} restore={2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            DOOR                 | OPEN             | false | Door opened
            DOOR                 | OPEN             | true  | Door closed
            GARAGE_DOOR          | OPEN             | false | Garage door opened
            LOCK                 | OPEN             | true  | Door closed
            GENERIC              | OPEN             | false | Contact opened
            LEAK                 | LEAK             | false | Water leak detected
            LEAK                 | LEAK             | true  | Leak cleared
            MOTION               | MOTION           | false | Motion detected
            MOTION               | MOTION           | true  | Motion cleared
            VIBRATION            | VIBRATION        | false | Vibration detected
            SMOKE_CO             | SMOKE            | false | Smoke detected
            SMOKE_CO             | CO               | true  | Carbon monoxide cleared
            TEMPERATURE_HUMIDITY | HIGH_TEMPERATURE | false | High temperature
            TEMPERATURE_HUMIDITY | LOW_TEMPERATURE  | true  | Temperature back to normal
            POWER_FAILURE        | POWER_FAILURE    | false | Power failure
            POWER_FAILURE        | POWER_FAILURE    | true  | Power restored
            DOOR                 | DOOR_PROP        | false | Door propped open
            DOOR                 | DOOR_PROP        | true  | Propped door closed
            DOOR                 | LOW_BATTERY      | false | Trouble: low battery
            LEAK                 | LOW_BATTERY      | true  | Battery restored
            MOTION               | OFFLINE          | false | Trouble: sensor offline
            MOTION               | OFFLINE          | true  | Sensor back online
            SMOKE_CO             | DEVICE_FAULT     | false | Trouble: sensor fault
            """)
    void describe_kindCauseRestore_givesTheText(DeviceKind kind, AlertCause cause, boolean restore, String text) {
        assertEquals(text, ChektEventText.describe(kind, cause, restore));
    }

    @ParameterizedTest
    @EnumSource(AlertCause.class)
    void describe_everyCause_hasADifferentRestoreText(AlertCause cause) {
        assertNotEquals(ChektEventText.describe(DeviceKind.GENERIC, cause, false),
                ChektEventText.describe(DeviceKind.GENERIC, cause, true));
    }

    @Test
    void forEvent_namedDevice_appendsTheName() {
        AlertEvent event = new AlertEvent("e1", "d1", " Front door ", DeviceKind.DOOR, AlertCause.OPEN, false, 1L);

        assertEquals("Door opened (Front door)", ChektEventText.forEvent(event));
    }

    @Test
    void forEvent_unnamedDevice_isTheTextAlone() {
        AlertEvent event = new AlertEvent("e1", "d1", null, DeviceKind.LEAK, AlertCause.LEAK, true, 1L);

        assertEquals("Leak cleared", ChektEventText.forEvent(event));
    }
}
