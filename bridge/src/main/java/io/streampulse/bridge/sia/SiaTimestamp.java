package io.streampulse.bridge.sia;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The DC-09 timestamp field {@code _HH:MM:SS,MM-DD-YYYY}, always UTC (pure). */
public final class SiaTimestamp {

    /** Length of the field including its leading underscore. */
    public static final int LENGTH = 20;

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("'_'HH:mm:ss','MM-dd-uuuu");

    private SiaTimestamp() {
    }

    public static String format(Instant at) {
        return FORMAT.format(LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
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
