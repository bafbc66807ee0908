package io.streampulse.webgui.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** One alarm, restore or trouble edge, read from the bridge's AlertEvent JSON. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AlertRow(String id, String deviceId, @Nullable String deviceName, @Nullable String cause,
                       boolean restore, long atMillis) {
}
