package io.streampulse.webgui.sensors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * One line of the bridge's {@code GET /api/deliveries} (bridge/alert/OutboxEntry with its AlertEvent,
 * snake_case): one event for one receiver and that receiver's last answer.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record BridgeDelivery(long seq, String receiver, Event event, String status, int attempts, long createdMillis,
                             long nextAttemptMillis, long lastAttemptMillis, @Nullable String answer) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Event(String id, String deviceId, @Nullable String deviceName, @Nullable String kind, String cause,
                        boolean restore, long atMillis) {
    }
}
