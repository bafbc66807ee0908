package io.streampulse.publisher.streams;

import java.util.OptionalDouble;

/**
 * A stream's state as the monitor's events carry it (its {@code StreamStatus} JSON). {@code state} is null before
 * the first check; times are UTC epoch milliseconds; {@code uptime24h} (0..1) comes from {@code /api/status}.
 */
public record MonitorStream(String id, String name, String state, Long since, Long ts, Long latencyMs,
                            String message, OptionalDouble uptime24h) {

    public MonitorStream withUptime(OptionalDouble uptime) {
        return new MonitorStream(id, name, state, since, ts, latencyMs, message, uptime);
    }
}
