package io.streampulse.monitor.history;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.streampulse.monitor.state.Heartbeat;
import io.streampulse.monitor.state.StreamState;

import java.util.function.LongBinaryOperator;

/**
 * Counts and latency of the beats in one bucket of one stream. Latency is only known for beats that got an
 * answer (up or degraded), so {@code latencyCount} may be lower than the beats.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record BucketStats(int upCount, int degradedCount, int downCount, int pendingCount, Long latencyMin,
                          Long latencyMax, long latencySum, int latencyCount) {

    static BucketStats of(Heartbeat beat) {
        StreamState state = beat.state();
        Long latency = beat.latencyMs();
        return new BucketStats(state == StreamState.UP ? 1 : 0, state == StreamState.DEGRADED ? 1 : 0,
                state == StreamState.DOWN ? 1 : 0, state == StreamState.PENDING ? 1 : 0, latency, latency,
                latency == null ? 0 : latency, latency == null ? 0 : 1);
    }

    BucketStats plus(BucketStats other) {
        return new BucketStats(upCount + other.upCount, degradedCount + other.degradedCount,
                downCount + other.downCount, pendingCount + other.pendingCount,
                pick(latencyMin, other.latencyMin, Math::min), pick(latencyMax, other.latencyMax, Math::max),
                latencySum + other.latencySum, latencyCount + other.latencyCount);
    }

    private static Long pick(Long a, Long b, LongBinaryOperator choose) {
        return a == null ? b : b == null ? a : Long.valueOf(choose.applyAsLong(a, b));
    }
}
