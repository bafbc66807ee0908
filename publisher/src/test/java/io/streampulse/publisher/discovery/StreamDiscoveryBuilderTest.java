package io.streampulse.publisher.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampulse.publisher.outbox.OutgoingMessage;
import io.streampulse.publisher.topics.TopicLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamDiscoveryBuilderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final TopicLayout LAYOUT = new TopicLayout("streampulse", "homeassistant");
    static final Origin ORIGIN = new Origin("StreamPulse publisher", "0.1.0", "");

    static JsonNode vector(String name) throws IOException {
        return HomeAssistantRequirements.vector(name);
    }

    @Test
    void configs_oneStream_connectivityLatencyAndUptimeMatchTheVectors() throws IOException {
        List<OutgoingMessage> configs = StreamDiscoveryBuilder.configs(LAYOUT, "front-door", "Front door", ORIGIN, 1);

        assertEquals(List.of(
                "homeassistant/binary_sensor/streampulse_front-door_connectivity/config",
                "homeassistant/sensor/streampulse_front-door_latency/config",
                "homeassistant/sensor/streampulse_front-door_uptime_24h/config"),
                configs.stream().map(OutgoingMessage::topic).toList());
        assertEquals(vector("streampulse-stream-connectivity.json"), JSON.readTree(configs.get(0).payload()));
        assertEquals(vector("streampulse-stream-latency.json"), JSON.readTree(configs.get(1).payload()));
        assertEquals(vector("streampulse-stream-uptime.json"), JSON.readTree(configs.get(2).payload()));
        for (OutgoingMessage config : configs) {
            HomeAssistantRequirements.assertMet(config);
        }
    }

    @Test
    void removals_deletedStream_emptyRetainedOnEveryConfigTopic() {
        List<OutgoingMessage> removals = StreamDiscoveryBuilder.removals(LAYOUT, "front-door", 1);

        assertEquals(StreamDiscoveryBuilder.configs(LAYOUT, "front-door", "x", ORIGIN, 1).stream()
                .map(OutgoingMessage::topic).toList(), removals.stream().map(OutgoingMessage::topic).toList());
        removals.forEach(r -> assertTrue(r.retain() && r.payload().isEmpty(), r.toString()));
    }

    @Test
    void configs_customBaseAndPrefix_areUsedEverywhere() throws IOException {
        TopicLayout layout = new TopicLayout("site/a", "ha");
        OutgoingMessage config = StreamDiscoveryBuilder.configs(layout, "cam", "Cam", ORIGIN, 0).get(0);
        JsonNode node = JSON.readTree(config.payload());

        assertEquals("ha/binary_sensor/site_a_cam_connectivity/config", config.topic());
        assertEquals("site/a/streams/cam/state", node.get("state_topic").asText());
        assertEquals("site/a/status", node.get("availability_topic").asText());
    }
}
