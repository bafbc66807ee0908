package io.streampulse.bridge.store;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.support.Devices;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeviceHashCodecTest {

    @Test
    void roundTrip_keepsEveryField() {
        DeviceState state = new DeviceState("th1", "Attic", "THSensor", DeviceKind.TEMPERATURE_HUMIDITY, "normal",
                Set.of(AlertCause.HIGH_TEMPERATURE, AlertCause.LOW_BATTERY), 25, -101, 31.5, 44.0, 1_700_000_000_123L,
                false, Map.of("mode", "f", "interval", "60"));
        Map<String, String> fields = DeviceHashCodec.encode(state);
        assertEquals("HIGH_TEMPERATURE,LOW_BATTERY", fields.get("active"));
        assertEquals("f", fields.get("attr.mode"));
        assertEquals(state, DeviceHashCodec.decode(fields));
    }

    @Test
    void roundTrip_absentReadingsStayNull() {
        DeviceState hub = Devices.hub("h", 5);
        assertEquals("", DeviceHashCodec.encode(hub).get("battery_percent"));
        assertEquals(hub, DeviceHashCodec.decode(DeviceHashCodec.encode(hub)));
    }

    @Test
    void decode_badField_saysWhichDeviceAndWhat() {
        Map<String, String> fields = new HashMap<>(DeviceHashCodec.encode(Devices.door("d9", true, 1)));
        fields.put("kind", "TOASTER");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceHashCodec.decode(fields));
        assertEquals(true, e.getMessage().startsWith("device d9: "), e.getMessage());
        fields.remove("last_seen_millis");
        fields.put("kind", "DOOR");
        assertEquals("device d9: field 'last_seen_millis' is missing",
                assertThrows(IllegalArgumentException.class, () -> DeviceHashCodec.decode(fields)).getMessage());
    }
}
