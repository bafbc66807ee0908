package io.streampulse.monitor.state;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.streampulse.monitor.probe.ProbeResult;

/**
 * One recorded check of one stream (UTC epoch milliseconds). {@code important} marks a state change (and a
 * stream's first beat): those rows are kept past raw retention and carry the time-weighted SLA.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Heartbeat(String streamId, long tsMillis, StreamState state, Long latencyMs, String message,
                        ProbeResult.CheckKind kind, boolean important) {
}
