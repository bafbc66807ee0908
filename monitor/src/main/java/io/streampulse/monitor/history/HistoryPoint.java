package io.streampulse.monitor.history;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * One point of a stream's history chart: a bucket's start (UTC epoch ms), its beats by state, latency
 * min/avg/max of the answered ones, and the share of beats that were up.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record HistoryPoint(long ts, int up, int degraded, int down, int pending, Long latencyMin, Double latencyAvg,
                           Long latencyMax, Double upRatio) {

    static HistoryPoint of(long bucket, BucketStats stats) {
        int beats = stats.upCount() + stats.degradedCount() + stats.downCount() + stats.pendingCount();
        return new HistoryPoint(bucket, stats.upCount(), stats.degradedCount(), stats.downCount(),
                stats.pendingCount(), stats.latencyMin(),
                stats.latencyCount() == 0 ? null : (double) stats.latencySum() / stats.latencyCount(),
                stats.latencyMax(), beats == 0 ? null : (double) stats.upCount() / beats);
    }
}
