package io.streampulse.webgui.dashboard;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How the dashboard writes its figures in the first paint (pure; static/js/dashboard.js writes live updates the
 * same way): "–" for unknown, latency in ms, uptime in percent, times in the suite's time zone.
 */
public record Cells(ZoneId zone) {

    public static final String NONE = "–";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String latency(@Nullable Long ms) {
        return ms == null ? NONE : ms + " ms";
    }

    public String uptime(@Nullable Double ratio) {
        return ratio == null ? NONE : String.format(Locale.ROOT, "%.2f %%", ratio * 100);
    }

    /** Today's times as HH:mm:ss, older ones with their date. */
    public String time(@Nullable Long epochMillis) {
        if (epochMillis == null || epochMillis <= 0) {
            return NONE;
        }
        var at = Instant.ofEpochMilli(epochMillis).atZone(zone);
        boolean today = at.toLocalDate().equals(Instant.now().atZone(zone).toLocalDate());
        return (today ? TIME : DATE_TIME).format(at);
    }

    public String percent(@Nullable Integer value) {
        return value == null ? NONE : value + " %";
    }

    public String dbm(@Nullable Integer value) {
        return value == null ? NONE : value + " dBm";
    }

    public String alarm(@Nullable List<String> active) {
        return active == null || active.isEmpty() ? NONE : String.join(", ", active).toLowerCase(Locale.ROOT);
    }

    public String text(@Nullable String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
