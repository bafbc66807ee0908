package io.streampulse.publisher.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.streampulse.publisher.discovery.HomeAssistantRequirements;
import io.streampulse.publisher.discovery.Origin;
import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.publisher.topics.TopicLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceDiscoveryBuilderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final TopicLayout LAYOUT = new TopicLayout("streampulse", "homeassistant");
    static final Origin ORIGIN = new Origin("StreamPulse publisher", "0.1.0", "");

    static final DeviceReport DOOR = new DeviceReport("d88b4c0100000001", "Back door", "DoorSensor", "open",
            Set.of(), OptionalInt.of(75), OptionalInt.of(-77), OptionalDouble.empty(), OptionalDouble.empty(),
            Optional.of(Instant.parse("2026-11-27T09:00:00Z")));
    static final DeviceReport SMOKE = new DeviceReport("d88b4c0100000002", "Kitchen smoke", "COSmokeSensor",
            "alert", Set.of("smoke"), OptionalInt.of(100), OptionalInt.of(-60), OptionalDouble.empty(),
            OptionalDouble.empty(), Optional.empty());
    static final DeviceReport CLIMATE = new DeviceReport("d88b4c0100000003", "Server room", "THSensor", "normal",
            Set.of(), OptionalInt.of(50), OptionalInt.of(-80), OptionalDouble.of(21.5), OptionalDouble.of(40.0),
            Optional.empty());

    private static ArrayNode asVector(List<OutgoingMessage> configs) throws IOException {
        ArrayNode all = JSON.createArrayNode();
        for (OutgoingMessage config : configs) {
            all.addObject().put("topic", config.topic()).set("payload", JSON.readTree(config.payload()));
        }
        return all;
    }

    @Test
    void configs_eachSensorType_matchesItsVectorAndHomeAssistantsRequirements() throws IOException {
        for (DeviceReport report : List.of(DOOR, SMOKE, CLIMATE)) {
            List<OutgoingMessage> configs = DeviceDiscoveryBuilder.configs(LAYOUT, report, ORIGIN, 1);

            assertEquals(HomeAssistantRequirements.vector("yolink-" + report.type() + "-discovery.json"),
                    asVector(configs), report.type());
            for (OutgoingMessage config : configs) {
                HomeAssistantRequirements.assertMet(config);
            }
        }
    }

    @Test
    void configs_smokeAndCoSensor_getsBothDeviceClasses() throws IOException {
        List<String> classes = new java.util.ArrayList<>();
        for (OutgoingMessage config : DeviceDiscoveryBuilder.configs(LAYOUT, SMOKE, ORIGIN, 1)) {
            classes.add(JSON.readTree(config.payload()).path("device_class").asText());
        }

        assertEquals(List.of("smoke", "carbon_monoxide", "battery", "signal_strength"), classes);
    }

    @Test
    void deviceClass_yolinkTypes_mapLikeHomeAssistantsIntegration() {
        assertEquals("door", DeviceKind.of("DoorSensor").binaries().get(0).deviceClass());
        assertEquals("motion", DeviceKind.of("MotionSensor").binaries().get(0).deviceClass());
        assertEquals("moisture", DeviceKind.of("LeakSensor").binaries().get(0).deviceClass());
        assertEquals("vibration", DeviceKind.of("VibrationSensor").binaries().get(0).deviceClass());
        assertTrue(DeviceKind.of("Hub").binaries().isEmpty(), "unknown types get battery and signal only");
    }

    @Test
    void removals_deletedSensor_emptyRetainedOnEveryConfigTopic() {
        List<OutgoingMessage> removals = DeviceDiscoveryBuilder.removals(LAYOUT, CLIMATE, 1);

        assertEquals(4, removals.size());
        removals.forEach(r -> assertTrue(r.retain() && r.payload().isEmpty(), r.toString()));
    }

    @Test
    void stateJson_matchesTheVectors() throws IOException {
        for (DeviceReport report : List.of(DOOR, SMOKE, CLIMATE)) {
            JsonNode expected = HomeAssistantRequirements.vector("yolink-" + report.type() + "-state.json");

            assertEquals(expected, JSON.readTree(DeviceStateMapper.toJson(report)), report.type());
        }
    }
}
