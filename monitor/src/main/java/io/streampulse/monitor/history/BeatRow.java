package io.streampulse.monitor.history;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.streampulse.monitor.state.Heartbeat;

/** A stored beat as the queries return it (codes and the 0/1 flag not yet decoded). */
@Introspected
public record BeatRow(String streamId, long ts, int state, @Nullable Long latencyMs, @Nullable String message, int kind,
                      int important) {

    Heartbeat toHeartbeat() {
        return new Heartbeat(streamId, ts, StoredCodes.state(state), latencyMs, message, StoredCodes.kind(kind),
                important != 0);
    }
}
