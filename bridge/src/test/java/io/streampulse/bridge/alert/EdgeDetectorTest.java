package io.streampulse.bridge.alert;

import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.support.Devices;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeDetectorTest {

    @Test
    void edges_doorOpens_oneAlarm() {
        List<AlertEvent> events = EdgeDetector.edges(Devices.door("d1", false, 1), Devices.door("d1", true, 2), 2);
        assertEquals(List.of(new AlertEvent("d1/OPEN/alarm/2", "d1", "Door d1",
                io.streampulse.bridge.device.DeviceKind.DOOR, AlertCause.OPEN, false, 2)), events);
    }

    @Test
    void edges_doorCloses_oneRestore() {
        List<AlertEvent> events = EdgeDetector.edges(Devices.door("d1", true, 2), Devices.door("d1", false, 3), 3);
        assertEquals(1, events.size());
        assertTrue(events.get(0).restore());
        assertEquals("d1/OPEN/restore/3", events.get(0).id());
    }

    @Test
    void edges_repeatedReportWithNewReadings_nothing() {
        DeviceState before = Devices.leak("l1", true, 10);
        DeviceState after = new DeviceState("l1", "Leak l1", "LeakSensor", before.kind(), "alert", before.active(),
                50, -90, 19.0, null, 20, true, Map.of("interval", "60"));
        assertEquals(List.of(), EdgeDetector.edges(before, after, 20));
        assertEquals(List.of(), EdgeDetector.edges(Devices.door("d", false, 1), Devices.door("d", false, 2), 2));
    }

    @Test
    void edges_firstReport_activeCausesAreAlarms_quietDeviceNothing() {
        assertEquals(1, EdgeDetector.edges(null, Devices.door("d", true, 5), 5).size());
        assertEquals(List.of(), EdgeDetector.edges(null, Devices.door("d", false, 5), 5));
    }

    @Test
    void edges_severalCauses_restoresFirst_idsStableAndDistinct() {
        DeviceState before = EngineCauses.raise(Devices.door("d", true, 1), AlertCause.LOW_BATTERY);
        DeviceState after = EngineCauses.raise(Devices.door("d", false, 2), AlertCause.OFFLINE);
        List<AlertEvent> events = EdgeDetector.edges(before, after, 7);
        assertEquals(List.of("d/OPEN/restore/7", "d/LOW_BATTERY/restore/7", "d/OFFLINE/alarm/7"),
                events.stream().map(AlertEvent::id).toList());
        assertEquals(events, EdgeDetector.edges(before, after, 7));
        assertNotEquals(EdgeDetector.id("d", AlertCause.OPEN, false, 7), EdgeDetector.id("d", AlertCause.OPEN, true, 7));
    }

    @Test
    void merge_reportEndsOffline_keepsDoorPropWhileOpen_dropsItOnClose() {
        DeviceState propped = EngineCauses.raise(EngineCauses.raise(Devices.door("d", true, 1), AlertCause.DOOR_PROP),
                AlertCause.OFFLINE);
        DeviceState stillOpen = EngineCauses.merge(propped, Devices.door("d", true, 2));
        assertEquals(Set.of(AlertCause.OPEN, AlertCause.DOOR_PROP), stillOpen.active());
        assertTrue(stillOpen.online());
        assertEquals(Set.of(), EngineCauses.merge(stillOpen, Devices.door("d", false, 3)).active());
    }
}
