package io.streampulse.webgui.sensors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * A device as the bridge's {@code GET /api/devices} writes it (bridge/device/DeviceState, snake_case); the fields
 * the sensors page shows. Unknown fields (attributes, ...) are ignored.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record BridgeDevice(String deviceId, @Nullable String name, @Nullable String type, @Nullable String kind,
                           @Nullable String state, @Nullable List<String> active, @Nullable Integer batteryPercent,
                           @Nullable Integer signalDbm, long lastSeenMillis, boolean online) {

    public List<String> activeCauses() {
        return active == null ? List.of() : active;
    }
}
