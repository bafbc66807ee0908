package io.streampulse.webgui.sensors;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One delivery as the device page lists it (pure): when, to whom, what, how it went and the receiver's answer. */
public record DeliveryLine(String time, String receiver, String event, String status, int attempts, String answer) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static DeliveryLine of(BridgeDelivery d, ZoneId zone) {
        String cause = d.event().cause().toLowerCase(Locale.ROOT).replace('_', ' ');
        String event = cause + (d.event().restore() ? " restored" : "");
        return new DeliveryLine(TIME.format(Instant.ofEpochMilli(d.event().atMillis()).atZone(zone)), d.receiver(),
                event, d.status(), d.attempts(), d.answer() == null || d.answer().isEmpty() ? "—" : d.answer());
    }
}
