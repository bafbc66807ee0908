package io.streampulse.webgui.sensors;

import io.streampulse.shared.config.DeviceMapping;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sensors list: bridge devices beside config mappings, badges, and times in the configured zone. */
class SensorRowTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static BridgeDevice device(String id, String name, List<String> active, boolean online, Integer battery) {
        return new BridgeDevice(id, name, "DoorSensor", "DOOR", "closed", active, battery, -80, 1_764_000_000_000L,
                online);
    }

    static DeviceMapping mapping(String id, String name) {
        return new DeviceMapping(id, name, Optional.of(3), Optional.empty(), Optional.empty(), 0, List.of("chekt"));
    }

    @Test
    void merge_listsBridgeDevicesAndConfigOnlyMappings_byName() {
        List<SensorRow> rows = SensorRow.merge(List.of(device("b", "Back door", List.of(), true, 100)),
                Map.of("z", mapping("z", "Attic hatch"), "b", mapping("b", "")), PARIS);

        assertEquals(List.of("Attic hatch", "Back door"), rows.stream().map(SensorRow::name).toList());
        assertEquals("—", rows.get(0).state(), "the bridge does not know it");
        assertEquals("3", rows.get(1).chektZone());
        assertEquals("chekt", rows.get(1).receivers());
    }

    @Test
    void stateClass_alarmOrOfflineIsDown_troublesOnlyDegraded_quietUp() {
        assertEquals("down", row(device("a", "A", List.of("OPEN"), true, 100)).stateClass());
        assertEquals("down", row(device("a", "A", List.of(), false, 100)).stateClass());
        assertEquals("degraded", row(device("a", "A", List.of("LOW_BATTERY"), true, 25)).stateClass());
        assertEquals("up", row(device("a", "A", List.of(), true, 100)).stateClass());
    }

    @Test
    void readings_batteryLowAt25_lastSeenInTheConfiguredZone_mainsWithoutBattery() {
        SensorRow row = row(device("a", "A", List.of(), true, 25));
        assertTrue(row.batteryLow());
        assertEquals("2025-11-24 17:00:00", row.lastSeen(), "1_764_000_000_000 ms is 16:00 UTC");
        assertEquals("—", row(device("a", "A", List.of(), true, null)).battery());
    }

    private static SensorRow row(BridgeDevice device) {
        return new SensorRow(device.deviceId(), device.name(), Optional.of(device), Optional.empty(), PARIS);
    }
}
