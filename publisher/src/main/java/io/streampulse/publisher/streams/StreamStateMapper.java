package io.streampulse.publisher.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The retained JSON on {@code <base>/streams/<id>/state} (pure). {@code up} is what Home Assistant's connectivity
 * sensor shows: UP, or DEGRADED when {@code monitor.degraded_counts_as_up}; null before the first check.
 * Times are ISO-8601 UTC so any consumer can read them without knowing the suite's time zone.
 */
public final class StreamStateMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamStateMapper() {
    }

    public static String toJson(MonitorStream stream, boolean degradedCountsAsUp) {
        ObjectNode out = JSON.createObjectNode();
        out.put("name", stream.name());
        out.put("state", stream.state());
        if (stream.state() == null) {
            out.putNull("up");
        } else {
            out.put("up", "UP".equals(stream.state()) || degradedCountsAsUp && "DEGRADED".equals(stream.state()));
        }
        if (stream.latencyMs() == null) {
            out.putNull("latency");
        } else {
            out.put("latency", stream.latencyMs());
        }
        out.put("message", stream.message());
        out.put("since", iso(stream.since()));
        out.put("last_check", iso(stream.ts()));
        if (stream.uptime24h().isPresent()) {
            out.put("uptime_24h", stream.uptime24h().getAsDouble());
        } else {
            out.putNull("uptime_24h");
        }
        return out.toString();
    }

    private static String iso(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
