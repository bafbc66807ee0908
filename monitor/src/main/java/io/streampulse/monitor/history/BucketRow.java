package io.streampulse.monitor.history;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A stored aggregate bucket as the queries return it. */
@Introspected
public record BucketRow(long bucket, int upCount, int degradedCount, int downCount, int pendingCount,
                        @Nullable Long latencyMin, @Nullable Long latencyMax, long latencySum, int latencyCount) {

    BucketStats stats() {
        return new BucketStats(upCount, degradedCount, downCount, pendingCount, latencyMin, latencyMax, latencySum,
                latencyCount);
    }
}
