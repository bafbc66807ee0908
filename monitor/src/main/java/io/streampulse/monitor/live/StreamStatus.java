package io.streampulse.monitor.live;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.streampulse.monitor.state.StreamState;

import java.util.Map;

/**
 * The latest known state of one stream, as the API and the event stream show it. {@code ts} and {@code since}
 * are UTC epoch milliseconds; {@code state} is null until the first check finished.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StreamStatus(
        String id,
        String name,
        StreamState state,
        Long since,
        Long ts,
        Long latencyMs,
        String message,
        String kind,
        boolean important,
        Map<String, String> details) {

    public static StreamStatus unknown(String id, String name) {
        return new StreamStatus(id, name, null, null, null, null, "no data yet", null, false, Map.of());
    }
}
