package io.streampulse.streamer.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the bridge's device JSON (its DeviceState serialized snake_case) into cards (pure). A device without an id
 * is skipped; unknown fields are ignored; an unknown cause counts as an alarm, since missing an alarm is worse
 * than showing one too many.
 */
public final class DeviceJson {

    /** The bridge's trouble causes; every other cause is an alarm. */
    static final Set<String> TROUBLES = Set.of("LOW_BATTERY", "OFFLINE", "DEVICE_FAULT");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeviceJson() {
    }

    /** A JSON array of devices; throws with the reason when the text is not one. */
    public static List<SensorCard> parseList(String text) {
        JsonNode root = tree(text);
        if (!root.isArray()) {
            throw new IllegalArgumentException("device list: expected a JSON array, got " + root.getNodeType());
        }
        List<SensorCard> cards = new ArrayList<>();
        root.forEach(node -> parse(node).ifPresent(cards::add));
        return cards;
    }

    /** One device object; empty when it has no device_id. */
    public static Optional<SensorCard> parseOne(String text) {
        return parse(tree(text));
    }

    /** The id in a {@code removed} event ({@code {"device_id": "..."}}). */
    public static Optional<String> deviceId(String text) {
        return Optional.ofNullable(text(tree(text), "device_id")).filter(id -> !id.isBlank());
    }

    static Optional<SensorCard> parse(JsonNode node) {
        String id = text(node, "device_id");
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        List<String> alarms = new ArrayList<>();
        List<String> troubles = new ArrayList<>();
        node.path("active").forEach(cause -> (TROUBLES.contains(cause.asText()) ? troubles : alarms)
                .add(cause.asText()));
        alarms.sort(null);
        troubles.sort(null);
        String name = text(node, "name");
        String kind = text(node, "kind");
        JsonNode online = node.get("online");
        return Optional.of(new SensorCard(id, name == null || name.isBlank() ? id : name,
                kind == null ? "GENERIC" : kind, text(node, "state"), alarms, troubles, integer(node,
                "battery_percent"), integer(node, "signal_dbm"), decimal(node, "temperature_c"),
                decimal(node, "humidity_percent"), node.path("last_seen_millis").asLong(0),
                online == null || online.asBoolean(true)));
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("device JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.intValue();
    }

    private static Double decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.doubleValue();
    }
}
