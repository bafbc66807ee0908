package io.streampulse.webgui.streams;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The history windows the stream page offers, each with the monitor aggregate it reads: a day from the minute
 * aggregates (1,440 points), a week and a month from the hour aggregates (168 and 720 points).
 */
public enum ChartRange {
    DAY("24h", Duration.ofHours(24), "minute"),
    WEEK("7d", Duration.ofDays(7), "hour"),
    MONTH("30d", Duration.ofDays(30), "hour");

    private final String key;
    private final Duration span;
    private final String resolution;

    ChartRange(String key, Duration span, String resolution) {
        this.key = key;
        this.span = span;
        this.resolution = resolution;
    }

    public static Optional<ChartRange> parse(String text) {
        String wanted = text == null || text.isBlank() ? "24h" : text.strip().toLowerCase(Locale.ROOT);
        for (ChartRange range : values()) {
            if (range.key.equals(wanted)) {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }

    public String key() {
        return key;
    }

    public Duration span() {
        return span;
    }

    public String resolution() {
        return resolution;
    }
}
