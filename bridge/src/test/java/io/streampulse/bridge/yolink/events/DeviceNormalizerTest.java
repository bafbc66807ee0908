package io.streampulse.bridge.yolink.events;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.yolink.cloud.YoLinkDevice;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceNormalizerTest {

    private static final String DOOR = "d88b4c0100000001";

    @Test
    void apply_doorClosesAfterOpen_openCauseLeaves() {
        DeviceState open = DeviceNormalizer.apply(null, Vectors.event("homebridge-doorsensor-alert-open"), 1);

        DeviceState closed = DeviceNormalizer.apply(open, event("DoorSensor.Alert", 1732700060000L,
                "{\"state\":\"closed\",\"alertType\":\"normal\",\"loraInfo\":{\"signal\":-80}}"), 1);

        assertEquals("closed", closed.state());
        assertEquals(Set.of(), closed.active());
        assertEquals(100, closed.batteryPercent(), "battery carried over when the event does not mention it");
        assertEquals(-80, closed.signalDbm());
        assertEquals(1732700060000L, closed.lastSeenMillis());
    }

    @Test
    void apply_configEcho_updatesAttributesWithoutInventingState() {
        DeviceState open = DeviceNormalizer.apply(null, Vectors.event("homebridge-doorsensor-alert-open"), 1);

        DeviceState echoed = DeviceNormalizer.apply(open, Vectors.event("library-doorsensor-setopenremind"), 1);

        assertEquals("open", echoed.state());
        assertEquals(Set.of(AlertCause.OPEN), echoed.active());
        assertEquals(100, echoed.batteryPercent());
        assertEquals("10", echoed.attributes().get("openRemindDelay"));
        assertEquals("DoorSensor.setOpenRemind", echoed.attributes().get("last_event"));
    }

    @Test
    void apply_configEchoFirst_noStateYet() {
        DeviceState device = DeviceNormalizer.apply(null, Vectors.event("library-doorsensor-setopenremind"), 1);

        assertNull(device.state());
        assertEquals(Set.of(), device.active());
        assertEquals(DeviceKind.DOOR, device.kind());
    }

    @Test
    void apply_lowBatteryThenReportWithoutBattery_lowBatteryKept() {
        DeviceState low = DeviceNormalizer.apply(null, Vectors.event("homebridge-doorsensor-alert-error"), 1);

        DeviceState next = DeviceNormalizer.apply(low, event("DoorSensor.Alert", 1732700060000L,
                "{\"state\":\"closed\"}"), 1);

        assertEquals(Set.of(AlertCause.LOW_BATTERY), next.active(), "fault cleared, low battery still known");
    }

    @Test
    void apply_batteryRecovers_lowBatteryLeaves() {
        DeviceState low = DeviceNormalizer.apply(null, Vectors.event("homebridge-doorsensor-alert-error"), 1);

        DeviceState next = DeviceNormalizer.apply(low, event("DoorSensor.Report", 1732700060000L,
                "{\"state\":\"closed\",\"battery\":4}"), 1);

        assertEquals(Set.of(), next.active());
        assertEquals(100, next.batteryPercent());
    }

    @Test
    void apply_offlineDeviceHeardFrom_offlineClearedAndDoorPropLeftToTheEngine() {
        DeviceState previous = new DeviceState(DOOR, "Back door", "DoorSensor", DeviceKind.DOOR, "open",
                Set.of(AlertCause.OPEN, AlertCause.OFFLINE, AlertCause.DOOR_PROP), 100, -70, null, null, 5, false,
                Map.of());

        DeviceState next = DeviceNormalizer.apply(previous, event("DoorSensor.Report", 1732700060000L,
                "{\"state\":\"open\"}"), 1);

        assertTrue(next.online());
        assertEquals(Set.of(AlertCause.OPEN, AlertCause.DOOR_PROP), next.active());
        assertEquals("Back door", next.name());
    }

    @Test
    void apply_motionSensor_devTemperatureIsAnAttributeNotTheAmbientTemperature() {
        DeviceState motion = DeviceNormalizer.apply(null, Vectors.event("homebridge-motionsensor-alert"), 1);

        assertNull(motion.temperatureC());
        assertEquals("27", motion.attributes().get("devTemperature"));
        assertEquals("g", motion.attributes().get("loraInfo.gatewayId"));
    }

    @Test
    void apply_eventWithoutTime_lastSeenIsArrival() {
        DeviceState device = DeviceNormalizer.apply(null, YoLinkEventParser.parse(
                "{\"event\":\"LeakSensor.Report\",\"deviceId\":\"x\",\"data\":{\"state\":\"normal\"}}"), 4242);

        assertEquals(4242, device.lastSeenMillis());
    }

    @Test
    void apply_olderEventAfterNewer_lastSeenDoesNotGoBack() {
        DeviceState newer = DeviceNormalizer.apply(null, event("DoorSensor.Report", 2000, "{\"state\":\"closed\"}"),
                1);

        DeviceState after = DeviceNormalizer.apply(newer, event("DoorSensor.Report", 1000, "{\"state\":\"closed\"}"),
                1);

        assertEquals(2000, after.lastSeenMillis());
    }

    @Test
    void apply_unknownType_keptAsGenericWithItsFields() {
        DeviceState device = DeviceNormalizer.apply(null, event("WaterMeterController.Report", 7,
                "{\"state\":{\"valve\":\"open\",\"meter\":1234},\"battery\":3}"), 1);

        assertEquals(DeviceKind.GENERIC, device.kind());
        assertEquals("WaterMeterController", device.type());
        assertEquals("1234", device.attributes().get("state.meter"));
        assertEquals(75, device.batteryPercent());
    }

    @Test
    void apply_deviceListEntry_namesTheDeviceAndKeepsNoToken() {
        YoLinkDevice entry = new YoLinkDevice(DOOR, "udid-1", "Front door", "net-token-secret", "DoorSensor", null,
                "YS7704-UC", "us_west_1", Map.of("deviceId", DOOR, "name", "Front door", "token",
                "net-token-secret", "type", "DoorSensor", "modelName", "YS7704-UC", "serviceZone", "us_west_1"));
        DeviceState heard = DeviceNormalizer.apply(null, Vectors.event("homebridge-doorsensor-alert-open"), 1);

        DeviceState listed = DeviceNormalizer.apply(heard, entry);

        assertEquals("Front door", listed.name());
        assertEquals("open", listed.state());
        assertEquals(Set.of(AlertCause.OPEN), listed.active());
        assertEquals("YS7704-UC", listed.attributes().get("modelName"));
        assertFalse(listed.attributes().containsKey("token"));
        assertFalse(listed.attributes().containsValue("net-token-secret"));
    }

    @Test
    void apply_deviceListEntryForANewDevice_noStateYet() {
        YoLinkDevice entry = new YoLinkDevice("hub1", null, "Hub", "t", "Hub", null, "YS1603-UC", null, Map.of());

        DeviceState listed = DeviceNormalizer.apply(null, entry);

        assertEquals(DeviceKind.HUB, listed.kind());
        assertNull(listed.state());
        assertEquals(0, listed.lastSeenMillis());
    }

    private static YoLinkEvent event(String name, long time, String data) {
        return YoLinkEventParser.parse("{\"event\":\"" + name + "\",\"time\":" + time + ",\"msgid\":\"" + time
                + "\",\"deviceId\":\"" + DOOR + "\",\"data\":" + data + "}");
    }
}
