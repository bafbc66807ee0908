package io.streampulse.webgui.sensors;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of a device's recent events as the device page lists it (pure), from the bridge's
 * {@code /api/devices/{id}/events}: a state change ("open, active [OPEN]") or an alert edge ("alarm: open",
 * "restore: open").
 */
public record EventLine(String time, String type, String text) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static EventLine of(Map<String, Object> event, ZoneId zone) {
        String type = text(event, "type");
        String time = "—";
        try {
            time = TIME.format(Instant.ofEpochMilli(Long.parseLong(text(event, "at"))).atZone(zone));
        } catch (NumberFormatException e) {
            // an entry without a readable time still shows what happened
        }
        if (type.equals("alert")) {
            String cause = text(event, "cause").toLowerCase(Locale.ROOT).replace('_', ' ');
            return new EventLine(time, type, (Boolean.parseBoolean(text(event, "restore")) ? "restore: " : "alarm: ")
                    + cause);
        }
        String active = text(event, "active");
        return new EventLine(time, type, text(event, "state")
                + (active.isEmpty() || active.equals("[]") ? "" : ", active " + active)
                + (Boolean.parseBoolean(text(event, "online")) ? "" : ", offline"));
    }

    private static String text(Map<String, Object> event, String key) {
        Object value = event.get(key);
        return value == null ? "" : value.toString();
    }
}
