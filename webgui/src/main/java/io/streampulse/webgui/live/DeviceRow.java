package io.streampulse.webgui.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * One YoLink sensor on the dashboard, read straight from the bridge's DeviceState JSON (the fields the dashboard
 * shows; the rest is ignored). {@code active} lists the alarm and trouble causes in force (empty: quiet).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record DeviceRow(String deviceId, String name, @Nullable String type, @Nullable String state,
                        @Nullable List<String> active, @Nullable Integer batteryPercent, @Nullable Integer signalDbm,
                        long lastSeenMillis, boolean online) {

    public boolean alarm() {
        return active != null && !active.isEmpty();
    }
}
