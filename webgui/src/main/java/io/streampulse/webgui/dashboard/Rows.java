package io.streampulse.webgui.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.streampulse.webgui.live.DeviceRow;
import io.streampulse.webgui.live.StreamRow;

/**
 * The dashboard's rows with every cell already written as text ({@link Cells}), so the template only places
 * strings: 1,000 rows render without a template expression calling a formatter per cell.
 */
public final class Rows {

    private Rows() {
    }

    public record Stream(String id, String name, String stateKey, String reason, String latency, String uptime,
                         String lastCheck, @Nullable String thumbnail) {
    }

    public record Device(String id, String name, String state, boolean online, String alarm, boolean alarmed,
                  String battery, String signal, String lastSeen) {
    }

    static Stream of(StreamRow s, Cells cells) {
        return new Stream(s.id(), s.name(), s.stateKey(), s.message() == null ? "" : s.message(),
                cells.latency(s.latencyMs()), cells.uptime(s.uptime24h()), cells.time(s.ts()),
                s.thumbnail());
    }

    static Device of(DeviceRow d, Cells cells) {
        return new Device(d.deviceId(), d.name(), cells.text(d.state()), d.online(), cells.alarm(d.active()),
                d.alarm(), cells.percent(d.batteryPercent()), cells.dbm(d.signalDbm()), cells.time(d.lastSeenMillis()));
    }
}
