package io.streampulse.publisher.devices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the bridge's DeviceState JSON (pure; snake_case, as {@code GET /api/devices} and the {@code snapshot} and
 * {@code device} events of {@code /api/devices/events} carry it) into a {@link DeviceReport}. Active causes
 * ("OPEN", "LOW_BATTERY") become lower-case alarm names; a last_seen_millis of 0 means never heard.
 */
public final class BridgeDeviceParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BridgeDeviceParser() {
    }

    /** One DeviceState; an error names what is wrong (the caller logs it and goes on). */
    public static DeviceReport parse(String json) {
        return report(tree(json));
    }

    /** The body of {@code GET /api/devices}: an array of DeviceState. */
    public static List<DeviceReport> parseList(String json) {
        JsonNode array = tree(json);
        if (!array.isArray()) {
            throw new IllegalArgumentException("bridge device list: expected a JSON array, got " + array.getNodeType());
        }
        List<DeviceReport> reports = new ArrayList<>();
        array.forEach(node -> reports.add(report(node)));
        return reports;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bridge device JSON is malformed: " + e.getOriginalMessage(), e);
        }
    }

    private static DeviceReport report(JsonNode node) {
        String id = node.path("device_id").asText("");
        if (id.isBlank()) {
            throw new IllegalArgumentException("bridge device without device_id: " + node);
        }
        Set<String> alarms = new TreeSet<>();
        node.path("active").forEach(cause -> alarms.add(cause.asText().toLowerCase(Locale.ROOT)));
        long lastSeen = node.path("last_seen_millis").asLong(0);
        return new DeviceReport(id, node.path("name").asText(id), node.path("type").asText(""),
                node.path("state").isTextual() ? node.path("state").asText() : null, Set.copyOf(alarms),
                integer(node.path("battery_percent")), integer(node.path("signal_dbm")),
                decimal(node.path("temperature_c")), decimal(node.path("humidity_percent")),
                lastSeen > 0 ? Optional.of(Instant.ofEpochMilli(lastSeen)) : Optional.empty());
    }

    private static OptionalInt integer(JsonNode node) {
        return node.isNumber() ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
    }

    private static OptionalDouble decimal(JsonNode node) {
        return node.isNumber() ? OptionalDouble.of(node.asDouble()) : OptionalDouble.empty();
    }
}
