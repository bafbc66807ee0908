package io.streampulse.bridge.yolink.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * One message from {@code yl-home/<homeId>/<deviceId>/report}: {@code {"event":"<Type>.<Suffix>","time":ms,
 * "msgid":..,"data":{..},"deviceId":".."}}.
 *
 * @param type       YoLink's device type, the part of {@code event} before the last dot ("DoorSensor")
 * @param suffix     what kind of message it is ("Report", "Alert", "setOpenRemind", ...)
 * @param timeMillis the event's own time (UTC epoch ms), 0 when the message carries none
 * @param data       the payload (empty object when absent)
 */
public record YoLinkEvent(String deviceId, String type, String suffix, long timeMillis, String msgid,
                          ObjectNode data) {

    /** Suffixes that report the device's state; any other is a configuration echo (setOpenRemind, setOption...). */
    static final Set<String> STATE_SUFFIXES = Set.of("Report", "Alert", "StatusChange", "getState", "fetchState",
            "setState", "DevEvent", "waterReport");

    public boolean reportsState() {
        return STATE_SUFFIXES.contains(suffix);
    }

    public String eventName() {
        return type + "." + suffix;
    }
}
