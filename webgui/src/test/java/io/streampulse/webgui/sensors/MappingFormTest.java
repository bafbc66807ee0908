package io.streampulse.webgui.sensors;

import io.streampulse.shared.config.ConfigDocument;
import io.streampulse.webgui.settings.FormEdit;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A device's mapping form into edits of devices.<id>: zones, relay channel, receivers, door prop. */
class MappingFormTest {

    static Map<String, String> form() {
        return new HashMap<>(Map.of("name", "Front door", "chekt_zone", "3", "sia_zone", "7", "relay_channel", "2",
                "receiver.chekt", "on", "receiver.sia", "on", "door_prop", "on", "door_prop_seconds", "120"));
    }

    @Test
    void read_fullForm_setsEveryKeyUnderTheDevice() {
        FormEdit edit = MappingForm.read("d88b", form(), 16);

        assertTrue(edit.valid(), edit.errors().toString());
        assertEquals(3, edit.sets().get("devices.d88b.chekt_zone"));
        assertEquals(7, edit.sets().get("devices.d88b.sia_zone"));
        assertEquals(2, edit.sets().get("devices.d88b.relay_channel"));
        assertEquals(120, edit.sets().get("devices.d88b.door_prop_seconds"));
        assertEquals(List.of("chekt", "sia"), edit.sets().get("devices.d88b.receivers"));
    }

    @Test
    void read_blanksUnmap_andDoorPropOffIsZero() {
        Map<String, String> form = form();
        form.put("chekt_zone", "");
        form.put("relay_channel", " ");
        form.remove("door_prop");

        FormEdit edit = MappingForm.read("d88b", form, 16);

        assertTrue(edit.removals().containsAll(List.of("devices.d88b.chekt_zone", "devices.d88b.relay_channel")));
        assertEquals(0, edit.sets().get("devices.d88b.door_prop_seconds"));
    }

    @Test
    void read_badNumbers_areErrorsByField() {
        Map<String, String> form = form();
        form.put("relay_channel", "17");
        form.put("sia_zone", "-1");
        form.put("door_prop_seconds", "");

        FormEdit edit = MappingForm.read("d88b", form, 16);

        assertFalse(edit.valid());
        assertEquals("Enter a whole number from 1 to 16, or leave it blank.", edit.errors().get("relay_channel"));
        assertEquals("Enter a whole number from 0 to 9999, or leave it blank.", edit.errors().get("sia_zone"));
        assertEquals("Enter a whole number from 1 to 86400.", edit.errors().get("door_prop_seconds"));
    }

    @Test
    void read_deviceIdThatIsNotAConfigKey_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> MappingForm.read("a.b", form(), 16));
        assertThrows(IllegalArgumentException.class, () -> MappingForm.read("x[0]", form(), 16));
    }

    @Test
    void applyTo_keepsTheDevicesOtherKeysAndOtherDevices() {
        ConfigDocument document = ConfigDocument.parse("devices:\n  d88b:\n    future_key: 1\n    chekt_zone: 9\n"
                + "  other: {sia_zone: 4}\n");
        Map<String, String> form = form();
        form.put("chekt_zone", "");

        MappingForm.read("d88b", form, 16).applyTo(document);

        assertEquals("1", document.get("devices.d88b.future_key").orElseThrow());
        assertTrue(document.get("devices.d88b.chekt_zone").isEmpty());
        assertEquals("4", document.get("devices.other.sia_zone").orElseThrow());
        assertEquals("7", document.get("devices.d88b.sia_zone").orElseThrow());
    }
}
