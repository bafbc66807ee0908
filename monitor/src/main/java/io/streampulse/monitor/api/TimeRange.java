package io.streampulse.monitor.api;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time window {@code [from, to)} in UTC epoch ms, from query parameters (pure). Times are epoch milliseconds
 * or ISO-8601 ({@code 2026-11-27T10:00:00Z}, with an offset or not); windows are {@code 24h}, {@code 7d},
 * {@code 30d} (any number of hours or days, up to 400 days) or {@code from,to}.
 */
record TimeRange(long from, long to) {

    static final Duration LONGEST = Duration.ofDays(400);
    private static final Pattern SPAN = Pattern.compile("(\\d{1,5})([hd])");

    /** {@code from}/{@code to} parameters, either may be absent: to defaults to now, from to {@code to - span}. */
    static TimeRange of(String from, String to, Duration defaultSpan, long now) {
        long end = to == null || to.isBlank() ? now : instant("to", to);
        long start = from == null || from.isBlank() ? end - defaultSpan.toMillis() : instant("from", from);
        return checked(start, end);
    }

    /** A window parameter ending now ({@code 24h}) or explicit ({@code from,to}). */
    static TimeRange window(String window, long now) {
        String text = window == null || window.isBlank() ? "24h" : window.strip();
        int comma = text.indexOf(',');
        if (comma >= 0) {
            return checked(instant("window from", text.substring(0, comma)),
                    instant("window to", text.substring(comma + 1)));
        }
        Matcher span = SPAN.matcher(text);
        if (!span.matches()) {
            throw new IllegalArgumentException("window '" + window + "' is not like 24h, 7d, 30d or from,to");
        }
        long amount = Long.parseLong(span.group(1));
        Duration length = span.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount);
        return checked(now - length.toMillis(), now);
    }

    private static TimeRange checked(long from, long to) {
        if (from >= to) {
            throw new IllegalArgumentException("the window is empty: from must be before to");
        }
        if (to - from > LONGEST.toMillis()) {
            throw new IllegalArgumentException("the window is longer than " + LONGEST.toDays() + " days");
        }
        return new TimeRange(from, to);
    }

    private static long instant(String name, String text) {
        String value = text.strip();
        if (value.matches("-?\\d{1,15}")) {
            return Long.parseLong(value);
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(value).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " '" + text + "' is neither epoch milliseconds nor an"
                        + " ISO-8601 time such as 2026-11-27T10:00:00Z");
            }
        }
    }

    Duration span() {
        return Duration.ofMillis(to - from);
    }
}
