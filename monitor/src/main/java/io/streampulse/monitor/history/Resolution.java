package io.streampulse.monitor.history;

import java.time.Duration;

/** How finely history is read: every beat, or the per-minute, per-hour or per-day aggregates (UTC buckets). */
public enum Resolution {
    RAW(1, 0),
    MINUTE(60_000L, 1),
    HOUR(3_600_000L, 2),
    DAY(86_400_000L, 3);

    private final long bucketMillis;
    private final int code;

    Resolution(long bucketMillis, int code) {
        this.bucketMillis = bucketMillis;
        this.code = code;
    }

    public long bucketMillis() {
        return bucketMillis;
    }

    /** The {@code stat.resolution} code (fixed: it is on disk). */
    int code() {
        return code;
    }

    /** The start of the bucket holding {@code tsMillis}. */
    public long bucketOf(long tsMillis) {
        return Math.floorDiv(tsMillis, bucketMillis) * bucketMillis;
    }

    /** The resolution a chart of this span wants: a few hundred to a few thousand points. */
    public static Resolution forSpan(Duration span) {
        if (span.compareTo(Duration.ofHours(6)) <= 0) {
            return RAW;
        }
        if (span.compareTo(Duration.ofDays(1)) <= 0) {
            return MINUTE;
        }
        return span.compareTo(Duration.ofDays(31)) <= 0 ? HOUR : DAY;
    }
}
