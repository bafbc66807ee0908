package io.streampulse.monitor.api;

import io.streampulse.monitor.history.Resolution;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Query windows: epoch ms, ISO-8601 with or without an offset, spans, and clear refusals. */
class TimeRangeTest {

    static final long NOW = 1_795_000_000_000L;

    @Test
    void defaultsEndNowAndReachBackTheDefaultSpan() {
        assertEquals(new TimeRange(NOW - 86_400_000L, NOW), TimeRange.of(null, "", Duration.ofDays(1), NOW));
        assertEquals(new TimeRange(1_000, 5_000), TimeRange.of("1000", "5000", Duration.ofDays(1), NOW));
    }

    @Test
    void isoTimesWithZOrAnOffsetAreTheSameInstant() {
        TimeRange utc = TimeRange.of("2026-11-27T10:00:00Z", "2026-11-27T11:00:00Z", Duration.ofDays(1), NOW);
        TimeRange kolkata = TimeRange.of("2026-11-27T15:30:00+05:30", "2026-11-27T16:30:00+05:30",
                Duration.ofDays(1), NOW);
        assertEquals(utc, kolkata);
        assertEquals(3_600_000L, utc.to() - utc.from());
    }

    @Test
    void windowsAreSpansEndingNowOrExplicitPairs() {
        assertEquals(new TimeRange(NOW - 7 * 86_400_000L, NOW), TimeRange.window("7d", NOW));
        assertEquals(new TimeRange(NOW - 24 * 3_600_000L, NOW), TimeRange.window(null, NOW));
        assertEquals(new TimeRange(10, 20), TimeRange.window("10,20", NOW));
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TimeRange.window("1w", NOW)).getMessage()
                .contains("window '1w'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TimeRange.window("500d", NOW)).getMessage()
                .contains("longer than 400 days"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TimeRange.of("noon", null, Duration.ofDays(1), NOW)).getMessage().contains("from 'noon'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TimeRange.of("20", "10", Duration.ofDays(1), NOW)).getMessage().contains("empty"));
    }

    @Test
    void autoResolutionKeepsChartsToAFewThousandPoints() {
        assertEquals(Resolution.RAW, Resolution.forSpan(Duration.ofHours(6)));
        assertEquals(Resolution.MINUTE, Resolution.forSpan(Duration.ofHours(24)));
        assertEquals(Resolution.HOUR, Resolution.forSpan(Duration.ofDays(30)));
        assertEquals(Resolution.DAY, Resolution.forSpan(Duration.ofDays(365)));
    }
}
