package io.streampulse.bridge.sia;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection.Sia.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiaEventCodesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "OPEN, BA, BH, 131",
            "MOTION, BA, BH, 132",
            "VIBRATION, BA, BH, 133",
            "LEAK, WA, WH, 154",
            "SMOKE, FA, FH, 111",
            "CO, GA, GH, 162",
            "HIGH_TEMPERATURE, KA, KH, 158",
            "LOW_TEMPERATURE, ZA, ZH, 159",
            "POWER_FAILURE, AT, AR, 301",
            "DOOR_PROP, DL, DH, 426",
            "LOW_BATTERY, YT, YR, 384",
            "OFFLINE, UY, UJ, 381",
            "DEVICE_FAULT, UT, UJ, 380",
    })
    void codes_eachCause_alarmRestoreAndContactId(AlertCause cause, String alarm, String restore, int contactId) {
        assertEquals(new SiaEventCodes.Codes(alarm, restore, contactId), SiaEventCodes.codes(cause));
        assertEquals(alarm, SiaEventCodes.siaCode(cause, false));
        assertEquals(restore, SiaEventCodes.siaCode(cause, true));
    }

    @Test
    void codes_everyCause_mapped() {
        for (AlertCause cause : AlertCause.values()) {
            assertNotNull(SiaEventCodes.codes(cause), cause.name());
        }
    }

    @Test
    void data_siaDcs_zoneFromMapping() {
        assertEquals("#1234|Nri1/BA007", SiaEventCodes.data(Format.SIA_DCS, "1234", event(AlertCause.OPEN, false),
                mapping(7)));
        assertEquals("#1234|Nri1/WH1234", SiaEventCodes.data(Format.SIA_DCS, "1234", event(AlertCause.LEAK, true),
                mapping(1234)));
    }

    @Test
    void data_contactId_qualifierEventPartitionZone() {
        assertEquals("#1234|1131 01 007", SiaEventCodes.data(Format.ADM_CID, "1234", event(AlertCause.OPEN, false),
                mapping(7)));
        assertEquals("#1234|3162 01 042", SiaEventCodes.data(Format.ADM_CID, "1234", event(AlertCause.CO, true),
                mapping(42)));
    }

    @Test
    void data_unmappedZone_fallsBackToZero() {
        DeviceMapping unmapped = new DeviceMapping("d1", "", Optional.empty(), Optional.empty(), Optional.empty(), 0,
                List.of("sia"));
        assertEquals("#1234|Nri1/FA000", SiaEventCodes.data(Format.SIA_DCS, "1234", event(AlertCause.SMOKE, false),
                unmapped));
        assertEquals("#1234|1111 01 000", SiaEventCodes.data(Format.ADM_CID, "1234", event(AlertCause.SMOKE, false),
                null));
    }

    @Test
    void data_contactIdZoneOver999_rejectedWithReason() {
        assertEquals("zone 1000 does not fit Contact ID's three digits; use SIA-DCS or a zone of at most 999",
                assertThrows(IllegalArgumentException.class, () -> SiaEventCodes.data(Format.ADM_CID, "1234",
                        event(AlertCause.OPEN, false), mapping(1000))).getMessage());
    }

    static AlertEvent event(AlertCause cause, boolean restore) {
        return new AlertEvent("ev-1", "d1", "Front door", DeviceKind.DOOR, cause, restore, 0);
    }

    static DeviceMapping mapping(int zone) {
        return new DeviceMapping("d1", "Front door", Optional.empty(), Optional.of(zone), Optional.empty(), 0,
                List.of("sia"));
    }
}
