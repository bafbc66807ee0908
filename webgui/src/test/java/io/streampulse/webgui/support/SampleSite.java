package io.streampulse.webgui.support;

import java.util.List;

/**
 * A realistic small site for the sensors pages and their screenshots: ten YoLink devices of the common kinds in
 * the bridge's shapes, their mappings in config.yaml, and a delivery log with each receiver's real answer text.
 */
public final class SampleSite {

    public static final String FRONT_DOOR = "d88b4c0100000a01";

    private SampleSite() {
    }

    public static FakeBridgeApi bridge(long now) {
        FakeBridgeApi bridge = new FakeBridgeApi()
                .withDevice(FakeBridgeApi.device(FRONT_DOOR, "Front door", "DoorSensor", "DOOR", "open", List.of("OPEN"),
                        100, -71, now - 4_000, true))
                .withDevice(FakeBridgeApi.device("d88b4c0100000a02", "Back door", "DoorSensor", "DOOR", "closed",
                        List.of(), 75, -84, now - 65_000, true))
                .withDevice(FakeBridgeApi.device("d88b4c0100000a03", "Garage side door", "DoorSensor", "DOOR", "closed",
                        List.of("LOW_BATTERY"), 25, -97, now - 600_000, true))
                .withDevice(FakeBridgeApi.device("d88b4c0100000b01", "Hallway motion", "MotionSensor", "MOTION",
                        "no_motion", List.of(), 100, -62, now - 30_000, true))
                .withDevice(FakeBridgeApi.device("d88b4c0100000b02", "Office motion", "MotionSensor", "MOTION",
                        "motion", List.of("MOTION"), 50, -79, now - 2_000, true))
                .withDevice(FakeBridgeApi.device("d88b4c0100000c01", "Boiler room leak", "LeakSensor", "LEAK", "dry",
                        List.of(), 100, -88, now - 3_600_000, true))
                .withDevice(FakeBridgeApi.device("d88b4c0100000c02", "Kitchen sink leak", "LeakSensor", "LEAK", "dry",
                        List.of("OFFLINE"), 75, -101, now - 40_000_000, false))
                .withDevice(FakeBridgeApi.device("d88b4c0100000d01", "Server room temp", "THSensor",
                        "TEMPERATURE_HUMIDITY", "normal", List.of(), 100, -70, now - 120_000, true))
                .withDevice(FakeBridgeApi.device("d88b4c0100000e01", "Hall smoke/CO", "COSmokeSensor", "SMOKE_CO",
                        "normal", List.of(), 100, -66, now - 900_000, true))
                .withDevice(FakeBridgeApi.device("d88b4c0100000f01", "Siren outlet", "Outlet", "OUTLET", "off",
                        List.of(), null, -58, now - 300_000, true));
        bridge.withDelivery("sia", FRONT_DOOR, "Front door", "OPEN", false, now - 3_600_000, "delivered", 1,
                        "ACK seq 0041")
                .withDelivery("chekt", FRONT_DOOR, "Front door", "OPEN", false, now - 3_600_000, "delivered", 1,
                        "HTTP 200 {\"result\":\"ok\"}")
                .withDelivery("sia", FRONT_DOOR, "Front door", "OPEN", true, now - 3_540_000, "delivered", 2,
                        "NAK, resent with receiver time: ACK seq 0042")
                .withDelivery("chekt", FRONT_DOOR, "Front door", "OPEN", false, now - 5_000, "failed", 3,
                        "connection refused by 10.0.0.20:30003 (is the CHEKT bridge running?)")
                .withDelivery("sia", FRONT_DOOR, "Front door", "OPEN", false, now - 5_000, "delivered", 1,
                        "ACK seq 0043")
                .withDelivery("modbus", "d88b4c0100000b02", "Office motion", "MOTION", false, now - 2_000,
                        "delivered", 1, "coil 4 on (pulse 1000 ms)");
        bridge.withEvent(FRONT_DOOR, now - 3_600_000, "open", "[OPEN]", null, false)
                .withEvent(FRONT_DOOR, now - 3_600_000, null, null, "OPEN", false)
                .withEvent(FRONT_DOOR, now - 3_540_000, "closed", "[]", null, false)
                .withEvent(FRONT_DOOR, now - 3_540_000, null, null, "OPEN", true)
                .withEvent(FRONT_DOOR, now - 5_000, "open", "[OPEN]", null, false)
                .withEvent(FRONT_DOOR, now - 5_000, null, null, "OPEN", false);
        return bridge;
    }

    /** The devices section of the site's config.yaml (one mapping is for a device the bridge no longer lists). */
    public static String devicesYaml() {
        return String.join("\n",
                "devices:",
                "  " + FRONT_DOOR + ": {name: Front door, chekt_zone: 1, sia_zone: 1, relay_channel: 1,"
                        + " door_prop_seconds: 120, receivers: [chekt, sia]}",
                "  d88b4c0100000a02: {chekt_zone: 2, sia_zone: 2, receivers: [chekt, sia]}",
                "  d88b4c0100000b02: {sia_zone: 5, relay_channel: 5, receivers: [sia, modbus]}",
                "  d88b4c0100000c01: {chekt_zone: 6, sia_zone: 6}",
                "  d88b4c0100000e01: {chekt_zone: 9, sia_zone: 9, relay_channel: 3}",
                "  retired0000000001: {name: Old shed door, chekt_zone: 12}",
                "");
    }
}
