package io.streampulse.publisher.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampulse.publisher.outbox.OutgoingMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Home Assistant's MQTT discovery needs in every config of ours (anchors.md §6), and the vector files. */
public final class HomeAssistantRequirements {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HomeAssistantRequirements() {
    }

    public static void assertMet(OutgoingMessage config) throws IOException {
        JsonNode node = JSON.readTree(config.payload());
        assertTrue(config.retain(), config.topic() + " must be retained");
        assertTrue(config.topic().matches("homeassistant/(binary_sensor|sensor)/[a-zA-Z0-9_-]+/config"),
                config.topic());
        for (String field : List.of("unique_id", "state_topic", "availability_topic", "value_template")) {
            assertFalse(node.path(field).asText().isEmpty(), field + " in " + config.topic());
        }
        assertTrue(config.topic().contains("/" + node.get("unique_id").asText() + "/"), "object id = unique id");
        assertFalse(node.path("device").path("identifiers").path(0).asText().isEmpty(), "device identifiers");
        assertFalse(node.path("origin").path("name").asText().isEmpty(), "origin name");
    }

    public static JsonNode vector(String name) throws IOException {
        try (InputStream in = HomeAssistantRequirements.class.getResourceAsStream("/vectors/discovery/" + name)) {
            return JSON.readTree(in);
        }
    }
}
