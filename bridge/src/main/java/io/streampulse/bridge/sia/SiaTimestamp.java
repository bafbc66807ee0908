package io.streampulse.bridge.sia;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The DC-09 timestamp field {@code _HH:MM:SS,MM-DD-YYYY}, always UTC (pure). Both ways by hand: a
 * DateTimeFormatter's format cost more than the rest of a message on the thread that sends them all, and its parse
 * was half of what a receiver (the tests' DC-09 fake) spent on a message.
 */
public final class SiaTimestamp {

    /** Length of the field including its leading underscore. */
    public static final int LENGTH = 20;

    private SiaTimestamp() {
    }

    public static String format(Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        return "_" + SiaDigits.decimal(t.getHour(), 2) + ":" + SiaDigits.decimal(t.getMinute(), 2) + ":"
                + SiaDigits.decimal(t.getSecond(), 2) + "," + SiaDigits.decimal(t.getMonthValue(), 2) + "-"
                + SiaDigits.decimal(t.getDayOfMonth(), 2) + "-" + SiaDigits.decimal(t.getYear(), 4);
    }

    /** @throws SiaFrameException when {@code field} is not {@code _HH:MM:SS,MM-DD-YYYY} with a real date and time */
    public static Instant parse(String field) {
        if (field.length() != LENGTH || field.charAt(0) != '_' || field.charAt(3) != ':' || field.charAt(6) != ':'
                || field.charAt(9) != ',' || field.charAt(12) != '-' || field.charAt(15) != '-') {
            throw invalid(field);
        }
        try {
            return LocalDateTime.of(digits(field, 16, 4), digits(field, 10, 2), digits(field, 13, 2),
                    digits(field, 1, 2), digits(field, 4, 2), digits(field, 7, 2)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) { // month 13, 31 April, hour 24 ...
            throw invalid(field);
        }
    }

    private static int digits(String field, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(field);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static SiaFrameException invalid(String field) {
        return new SiaFrameException("timestamp '" + field + "' is not _HH:MM:SS,MM-DD-YYYY");
    }
}
