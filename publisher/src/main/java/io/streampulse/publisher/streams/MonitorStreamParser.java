package io.streampulse.publisher.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;
import java.util.OptionalDouble;

/** Reads the data of a monitor {@code snapshot}, {@code heartbeat} or {@code state} event (pure). */
public final class MonitorStreamParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitorStreamParser() {
    }

    /** Empty for data that is not a stream status (no id); malformed JSON too, since one bad event must not stop the feed. */
    public static Optional<MonitorStream> parse(String data) {
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        String id = text(node, "id");
        if (node == null || id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String name = text(node, "name");
        JsonNode uptime = node.path("uptime_24h");
        return Optional.of(new MonitorStream(id, name == null ? id : name, text(node, "state"),
                number(node, "since"), number(node, "ts"), number(node, "latency_ms"), text(node, "message"),
                uptime.isNumber() ? OptionalDouble.of(uptime.asDouble()) : OptionalDouble.empty()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asLong();
    }
}
