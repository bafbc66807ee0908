package io.streampulse.publisher.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads each stream's {@code uptime_24h} (time-weighted availability, 0..1) from a monitor {@code /api/status}
 * body (pure). The event stream does not carry it, and the snapshot is fetched anyway.
 */
public final class StatusUptimeParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusUptimeParser() {
    }

    /** Stream id to uptime; streams without an id or a numeric uptime are left out, as is a body that is not JSON. */
    public static Map<String, Double> parse(String body) {
        Map<String, Double> uptimes = new HashMap<>();
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return uptimes;
        }
        if (root == null) {
            return uptimes;
        }
        for (JsonNode entry : root) {
            JsonNode id = entry.path("id");
            JsonNode uptime = entry.path("uptime_24h");
            if (id.isTextual() && uptime.isNumber()) {
                uptimes.put(id.asText(), uptime.asDouble());
            }
        }
        return uptimes;
    }
}
