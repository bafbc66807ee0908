package io.streampulse.monitor.history;

import io.streampulse.monitor.state.Heartbeat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a batch of beats into the minute, hour and day buckets they touch (pure), so a batch costs one upsert
 * per bucket rather than three per beat.
 */
final class AggregateFold {

    static final EnumSet<Resolution> AGGREGATES = EnumSet.of(Resolution.MINUTE, Resolution.HOUR, Resolution.DAY);

    record Bucket(Resolution resolution, String streamId, long start) {
    }

    private AggregateFold() {
    }

    static Map<Bucket, BucketStats> fold(List<Heartbeat> beats) {
        Map<Bucket, BucketStats> buckets = new LinkedHashMap<>();
        for (Heartbeat beat : beats) {
            for (Resolution resolution : AGGREGATES) {
                buckets.merge(new Bucket(resolution, beat.streamId(), resolution.bucketOf(beat.tsMillis())),
                        BucketStats.of(beat), BucketStats::plus);
            }
        }
        return buckets;
    }
}
