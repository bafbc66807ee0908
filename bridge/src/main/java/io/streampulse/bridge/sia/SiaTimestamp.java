package io.streampulse.bridge.sia;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The DC-09 timestamp field {@code _HH:MM:SS,MM-DD-YYYY}, always UTC (pure). */
public final class SiaTimestamp {

    /** Length of the field including its leading underscore. */
    public static final int LENGTH = 20;

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("'_'HH:mm:ss','MM-dd-uuuu");

    private SiaTimestamp() {
    }

    /** By hand rather than with {@link #FORMAT}: one per message, on the thread that sends them all. */
    public static String format(Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        return "_" + SiaDigits.decimal(t.getHour(), 2) + ":" + SiaDigits.decimal(t.getMinute(), 2) + ":"
                + SiaDigits.decimal(t.getSecond(), 2) + "," + SiaDigits.decimal(t.getMonthValue(), 2) + "-"
                + SiaDigits.decimal(t.getDayOfMonth(), 2) + "-" + SiaDigits.decimal(t.getYear(), 4);
    }

    /** @throws SiaFrameException when {@code field} is not {@code _HH:MM:SS,MM-DD-YYYY} */
    public static Instant parse(String field) {
        try {
            return LocalDateTime.parse(field, FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new SiaFrameException("timestamp '" + field + "' is not _HH:MM:SS,MM-DD-YYYY");
        }
    }
}
